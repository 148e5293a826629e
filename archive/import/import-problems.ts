// How an import names what it could not take: a file it could not read, or a record of a file.
import type { ImportProblem } from '../api.ts';
import { ArchiveError, toErrorInfo, type ErrorInfo } from '../errors.ts';
import { firstLine, type CandidateRecord } from './records.ts';

export function unreadable(file: string, error: unknown): ErrorInfo {
  if (error instanceof ArchiveError) return error.info;
  return { code: 'unreadableFile', params: { file, detail: firstLine(error) } };
}

export function problemAt(candidate: CandidateRecord, error: unknown): ImportProblem {
  return {
    file: candidate.file,
    ...(candidate.line !== undefined ? { line: candidate.line } : {}),
    ...(candidate.record !== undefined ? { record: candidate.record } : {}),
    error: toErrorInfo(error),
  };
}
