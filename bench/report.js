// Prints every table the last `npm run bench` wrote, in one place.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = join(import.meta.dirname, 'results');
const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.md')).sort();
for (const file of files) process.stdout.write((await readFile(join(dir, file), 'utf8')) + '\n');
