// Turns the text of an imported file into candidate records (not yet validated), each with where
// it came from, plus the problems found while reading the file itself.
import type { ImportFile, ImportProblem } from '../api.ts';
import { ArchiveError } from '../errors.ts';
import { fromCslItem, isCslItem } from '../exports/csl.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../json-depth.ts';

export interface CandidateRecord {
  file: string;
  line?: number;
  record?: number;
  value: unknown;
}

export interface ParsedFile {
  records: CandidateRecord[];
  problems: ImportProblem[];
}

export const IMPORT_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.json', '.ndjson', '.jsonl'] as const;

/**
 * Fields the archive assigns itself: dropped from imported records (e.g. a re-imported export). A
 * record's scans name files of the archive it came from, which a text import cannot bring along.
 */
const ASSIGNED_FIELDS = ['id', 'addedAt', 'updatedAt', 'deletedAt', 'ocrText', 'scans'];

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** Reads one file. Parsers for HTML and front matter load on first use, to keep the CLI's start quick. */
export async function parseImportFile(file: ImportFile): Promise<ParsedFile> {
  const text = file.content.replace(/^\uFEFF/, '');
  switch (extensionOf(file.name)) {
    case '.txt':
      return { records: [{ file: file.name, value: fromPlainText(text) }], problems: [] };
    case '.md':
      return { records: [{ file: file.name, value: await fromMarkdown(file.name, text) }], problems: [] };
    case '.html':
    case '.htm': {
      const { fromHtml } = await import('./html.ts');
      return { records: [{ file: file.name, value: fromHtml(text) }], problems: [] };
    }
    case '.json':
      return fromJson(file.name, text);
    case '.ndjson':
    case '.jsonl':
      return fromNdjson(file.name, text);
    default:
      throw new ArchiveError({ code: 'unsupportedFile', params: { file: file.name } });
  }
}

/** First non-empty line is the title, the rest (paragraphs kept) the text. */
function fromPlainText(text: string): Record<string, unknown> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const titleIndex = lines.findIndex((l) => l.trim() !== '');
  if (titleIndex < 0) return { title: '', body: '' };
  return { title: lines[titleIndex]!.trim(), body: trimBlankLines(lines.slice(titleIndex + 1)).join('\n') };
}

/** YAML front matter for the fields; the title from it, else the first "# " heading, else line one. */
async function fromMarkdown(name: string, text: string): Promise<unknown> {
  const normalized = text.replace(/\r\n?/g, '\n');
  const front = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(normalized);
  let fields: Record<string, unknown> = {};
  let rest = normalized;
  if (front) {
    const { parse: parseYaml } = await import('yaml');
    let parsed: unknown;
    try {
      // maxAliasCount bounds alias expansion ("billion laughs").
      parsed = parseYaml(front[1]!, { maxAliasCount: 100 });
    } catch (error) {
      throw new ArchiveError({
        code: 'unreadableFile',
        params: { file: name, detail: `front matter: ${firstLine(error)}` },
      });
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      fields = parsed as Record<string, unknown>;
    rest = normalized.slice(front[0].length);
  }
  if (typeof fields.tags === 'string') fields.tags = fields.tags.split(',').map((t) => t.trim());
  for (const key of ['page', 'date'] as const) {
    if (typeof fields[key] === 'number') fields[key] = String(fields[key]);
  }
  if (fields.title === undefined) {
    const lines = rest.split('\n');
    const headingIndex = lines.findIndex((l) => l.trim() !== '');
    const heading = headingIndex >= 0 ? lines[headingIndex]!.replace(/^#+\s*/, '').trim() : '';
    fields.title = heading;
    rest = lines.slice(headingIndex + 1).join('\n');
  }
  return withoutAssignedFields({ ...fields, body: trimBlankLines(rest.split('\n')).join('\n') });
}

function fromJson(name: string, text: string): ParsedFile {
  if (nestsDeeperThan(text)) throw new ArchiveError({ code: 'tooDeep', params: { file: name, max: MAX_JSON_DEPTH } });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ArchiveError({
      code: 'unreadableFile',
      params: { file: name, detail: jsonProblem(error) },
    });
  }
  const list = Array.isArray(data)
    ? data
    : data !== null && typeof data === 'object' && Array.isArray((data as { clippings?: unknown }).clippings)
      ? (data as { clippings: unknown[] }).clippings
      : [data];
  return {
    records: list.map((value, i) => ({
      file: name,
      record: i + 1,
      // CSL-JSON (e.g. from Zotero) is recognised record by record.
      value: isCslItem(value) ? fromCslItem(value) : withoutAssignedFields(value),
    })),
    problems: [],
  };
}

function fromNdjson(name: string, text: string): ParsedFile {
  const records: CandidateRecord[] = [];
  const problems: ImportProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (nestsDeeperThan(line)) {
      problems.push({
        file: name,
        line: i + 1,
        error: { code: 'tooDeep', params: { file: name, max: MAX_JSON_DEPTH } },
      });
      return;
    }
    try {
      records.push({ file: name, line: i + 1, value: withoutAssignedFields(JSON.parse(line)) });
    } catch (error) {
      problems.push({
        file: name,
        line: i + 1,
        error: { code: 'badRecord', params: { detail: jsonProblem(error) } },
      });
    }
  });
  return { records, problems };
}

/** The first line of an error's message, cut short: a parser may quote half the file. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0]!;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function withoutAssignedFields(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !ASSIGNED_FIELDS.includes(key)));
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

/**
 * What is wrong with text JSON.parse refused, as a message key (said in the user's language by
 * formatError): the parser's own English ("Unexpected end of JSON input") must not reach the user.
 */
function jsonProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /end of (JSON )?input|unterminated/i.test(message) ? 'detail.jsonIncomplete' : 'detail.jsonSyntax';
}
