// The press-archive command line (contract in ARCHITECTURE.md: keep it exact).
// Exit 0 on success, 1 on an error (one line on stderr, nothing changed), 2 on a usage error.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fileURLToPath } from 'node:url';
import { basename } from 'node:path';
import { ArchiveError, toErrorInfo } from '../archive/errors.ts';
import { formatError, languageFromLocale, type Language } from '../archive/messages.ts';
import { resolveArchiveDir } from '../archive/paths.ts';
import { ArchiveService } from '../archive/service.ts';
import { extensionOf, IMPORT_EXTENSIONS } from '../archive/import/records.ts';
import { SearchEngine } from '../archive/search/engine.ts';
import { toGuillemets } from '../archive/search/highlight.ts';
import { checkArchive } from '../archive/storage/check.ts';
import { createDispatcher } from '../archive/transport/dispatch.ts';
import { startWebServer } from '../archive/transport/http-server.ts';
import type { ClippingInput } from '../archive/clipping.ts';
import { readTextFile } from './read-text-file.ts';

const USAGE = `Usage: press-archive <command> [options] [--archive DIR]
  add --title T [--publication P] [--date YYYY|YYYY-MM|YYYY-MM-DD] [--author A] [--url U]
      [--page P] [--place P] [--section S] [--edition E] [--language L] [--tags a,b] [--notes N]
      (--body TEXT | --body-file FILE)          prints the new id
  import FILE... [--json]                       .txt .md .json .ndjson
  list [--json]
  show ID [--json]
  search QUERY [--limit N] [--json]
  check [--json]                                exit 1 if the archive is damaged
  serve [--port N]                              first stdout line is the URL
The archive is --archive DIR, else $PRESS_ARCHIVE_DIR, else the desktop app's folder.`;

class UsageError extends Error {}

const lang: Language = languageFromLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);

type Options = ParseArgsConfig['options'];
const COMMON: Options = {
  archive: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};
const ADD_FIELDS = [
  'title',
  'publication',
  'date',
  'author',
  'url',
  'page',
  'place',
  'section',
  'edition',
  'language',
  'notes',
] as const;

function parse(args: string[], options: Options = {}) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function out(line: string): void {
  process.stdout.write(line + '\n');
}

function json(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

async function openArchive(flag: unknown): Promise<ArchiveService> {
  return ArchiveService.open(resolveArchiveDir(typeof flag === 'string' ? flag : undefined));
}

const commands: Record<string, (args: string[]) => Promise<number>> = {
  async add(args) {
    const options = Object.fromEntries(ADD_FIELDS.map((f) => [f, { type: 'string' as const }]));
    const { values, positionals } = parse(args, {
      ...options,
      tags: { type: 'string' },
      body: { type: 'string' },
      'body-file': { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    if (values.title === undefined) throw new UsageError('add needs --title');
    if ((values.body === undefined) === (values['body-file'] === undefined))
      throw new UsageError('add needs exactly one of --body and --body-file');
    const input: Record<string, unknown> = {};
    for (const field of ADD_FIELDS) if (values[field] !== undefined) input[field] = values[field];
    if (typeof values.tags === 'string')
      input.tags = values.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    input.body = typeof values['body-file'] === 'string' ? await readTextFile(values['body-file']) : values.body;
    const service = await openArchive(values.archive);
    const clipping = await service.add(input as ClippingInput);
    out(clipping.id);
    return 0;
  },

  async import(args) {
    const { values, positionals } = parse(args);
    if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
    const files = [];
    for (const path of positionals) {
      if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(path))) {
        throw new ArchiveError({ code: 'unsupportedFile', params: { file: path } });
      }
      files.push({ name: basename(path), content: await readTextFile(path) });
    }
    const service = await openArchive(values.archive);
    const report = await service.importFiles({ files });
    const errors = report.errors.map((e) => ({ ...e, message: formatError(e.error, lang) }));
    if (values.json) {
      json({ added: report.added, skipped: report.skipped, errors });
    } else {
      out(`added ${report.added}, skipped ${report.skipped}, errors ${errors.length}`);
      for (const e of errors) out(`${e.file}${e.line ? `:${e.line}` : e.record ? ` #${e.record}` : ''}: ${e.message}`);
    }
    return 0;
  },

  async list(args) {
    const { values, positionals } = parse(args);
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    const clippings = await (await openArchive(values.archive)).list();
    if (values.json) json(clippings);
    else for (const c of clippings) out([c.id, c.date ?? '—', c.publication ?? '—', c.title].join('\t'));
    return 0;
  },

  async show(args) {
    const { values, positionals } = parse(args);
    if (positionals.length !== 1) throw new UsageError('show needs exactly one ID');
    const clipping = await (await openArchive(values.archive)).get({ id: positionals[0]! });
    if (values.json) {
      json(clipping);
      return 0;
    }
    out(clipping.title);
    for (const field of ['publication', 'date', 'author', 'section', 'edition', 'place', 'page', 'url'] as const) {
      if (clipping[field]) out(`${field}: ${clipping[field]}`);
    }
    if (clipping.tags.length) out(`tags: ${clipping.tags.join(', ')}`);
    out(
      `added: ${clipping.addedAt}  updated: ${clipping.updatedAt}${clipping.deletedAt ? `  in trash since: ${clipping.deletedAt}` : ''}`,
    );
    out('');
    out(clipping.body);
    if (clipping.notes) out(`\nnotes: ${clipping.notes}`);
    return 0;
  },

  async search(args) {
    const { values, positionals } = parse(args, { limit: { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('search needs a QUERY');
    const query = positionals.join(' ');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
    const service = await openArchive(values.archive);
    const engine = new SearchEngine();
    for (const doc of await service.searchCorpus()) engine.put(doc);
    const result = engine.search(query, limit);
    const summaries = new Map((await service.list()).map((c) => [c.id, c]));
    const hits = result.hits.map((hit) => {
      const c = summaries.get(hit.id);
      return {
        id: hit.id,
        title: c?.title ?? '',
        publication: c?.publication ?? null,
        date: c?.date ?? null,
        score: hit.score,
        snippet: toGuillemets(hit.snippet),
      };
    });
    if (values.json) json({ query, total: result.total, hits });
    else {
      out(`${result.total} ${result.total === 1 ? 'clipping' : 'clippings'}`);
      for (const h of hits) out(`${h.id}\t${h.title}\n    ${h.snippet}`);
    }
    return 0;
  },

  async check(args) {
    const { values, positionals } = parse(args);
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    const dir = resolveArchiveDir(typeof values.archive === 'string' ? values.archive : undefined);
    // A damaged archive cannot be opened; check reads the files itself. Opening only creates a missing one.
    await ArchiveService.open(dir).catch(() => undefined);
    const report = await checkArchive(dir);
    if (values.json) json(report);
    else {
      out(
        report.ok
          ? `ok: ${report.clippings} clippings in ${report.files} files`
          : `damaged: ${report.problems.length} problems`,
      );
      for (const p of report.problems) out(`${p.file}: ${p.detail}`);
    }
    return report.ok ? 0 : 1;
  },

  async serve(args) {
    const { values, positionals } = parse(args, { port: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0-65535');
    const service = await openArchive(values.archive);
    const server = await startWebServer({
      dispatch: createDispatcher(service),
      rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
      port,
    });
    out(server.url);
    await new Promise<void>((resolveStop) => {
      const stop = () => resolveStop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = commands[command];
  try {
    if (!run) throw new UsageError(`unknown command: ${command}`);
    if (args.includes('--help') || args.includes('-h')) {
      out(USAGE);
      return 0;
    }
    return await run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`press-archive: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`press-archive: ${formatError(toErrorInfo(error), lang)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
