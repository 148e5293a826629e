// A caller's name for one long task: progress events carry it, cancelTask takes it.
import { z } from 'zod';

export const TaskIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
