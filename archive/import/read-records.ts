// The first half of an import: the files parsed and every record checked as `add` checks what a
// person types, with progress ('read') and a cancel between slices. Nothing is written here.
import type { ImportFile, ImportProblem } from '../api.ts';
import { ClippingInputSchema, type ValidClippingInput } from '../clipping.ts';
import { validationError } from '../errors.ts';
import type { TaskRun } from '../tasks.ts';
import { yieldToOthers } from '../yield-to-others.ts';
import { problemAt, unreadable } from './import-problems.ts';
import { parseImportFile, type CandidateRecord } from './records.ts';

/**
 * The valid records of the files, and the problems in reading order (file by file, line by line);
 * `refused`: the files refused before they could be read, reported in their place (`order`: the
 * names as the files were given).
 */
export async function readImportRecords(
  input: { files: ImportFile[]; refused: ImportProblem[]; order?: string[] | undefined },
  run: TaskRun,
): Promise<{ valid: ValidClippingInput[]; errors: ImportProblem[] }> {
  const candidates: CandidateRecord[] = [];
  const errors: ImportProblem[] = [...input.refused];
  for (const file of input.files) {
    // A file that cannot be read is reported by name; the others are still imported.
    try {
      const parsed = await parseImportFile(file);
      candidates.push(...parsed.records);
      errors.push(...parsed.problems);
    } catch (error) {
      errors.push({ file: file.name, error: unreadable(file.name, error) });
    }
    run.check();
  }
  const total = candidates.length + errors.length;
  const valid: ValidClippingInput[] = [];
  run.progress('read', errors.length, total);
  for (const [i, candidate] of candidates.entries()) {
    const result = ClippingInputSchema.safeParse(candidate.value);
    if (result.success) valid.push(result.data);
    else errors.push(problemAt(candidate, validationError(result.error)));
    if ((i + 1) % 500 === 0) {
      run.check();
      run.progress('read', errors.length + valid.length, total);
      await yieldToOthers(); // other calls (a cancel, the progress stream) get their turn
    }
  }
  run.progress('read', total, total);
  // Report problems in reading order: file by file, line by line.
  const fileOrder = new Map((input.order ?? input.files.map((f) => f.name)).map((name, i) => [name, i]));
  errors.sort(
    (a, b) =>
      (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
      (a.line ?? a.record ?? 0) - (b.line ?? b.record ?? 0),
  );
  return { valid, errors };
}
