import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ClippingIdSchema } from '../../archive/clipping.ts';
import { ArchiveError } from '../../archive/errors.ts';
import { chromiumPrinter } from '../../archive/pdf/chromium-printer.ts';
import type { ValidExportPdfInput } from '../../archive/pdf/export-request.ts';
import { PAGE_SIZES, TYPEFACES } from '../../archive/pdf/options.ts';
import { formatQueryError } from '../../archive/search/query-messages.ts';
import { parseQuery } from '../../archive/search/query.ts';
import { ArchiveService } from '../../archive/service.ts';
import { writeFileDurably } from '../../archive/storage/durable-json-file.ts';
import { quietRun } from '../../archive/tasks.ts';
import { progressLine } from '../progress-line.ts';
import {
  UsageError,
  archiveDirOf,
  err,
  fromCwd,
  io,
  lang,
  noPositionals,
  out,
  parse,
  printJson,
  type Command,
} from '../context.ts';

/**
 * export-pdf --out FILE (--id ID … | --query Q | --all) [--page-size A4|Letter] [--font sans|serif] [--scans]
 * --scans puts each clipping's scan images in front of its text.
 * Prints with a system Chromium ($PRESS_ARCHIVE_CHROMIUM, else the usual install paths).
 */
export const exportPdf: Command = async (args) => {
  const { values, positionals } = parse(args, {
    out: { type: 'string' },
    id: { type: 'string', multiple: true },
    query: { type: 'string' },
    all: { type: 'boolean' },
    'page-size': { type: 'string' },
    font: { type: 'string' },
    scans: { type: 'boolean' },
  });
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('export-pdf needs --out FILE');
  // `--id A B C` and `--id A --id B --id C` both name several clippings.
  const ids = values.id === undefined ? undefined : [...values.id, ...positionals];
  if (ids === undefined) noPositionals(positionals);
  const chosen = [ids, values.query, values.all || undefined].filter((given) => given !== undefined).length;
  if (chosen !== 1) throw new UsageError('export-pdf needs exactly one of --id ID…, --query Q or --all');
  if (values.query !== undefined && values.query.trim() === '') throw new UsageError('--query needs some text');
  // A mistake in the query is explained as `search` explains it, before the archive is opened.
  const parsed = values.query === undefined ? undefined : parseQuery(values.query.trim());
  if (parsed && !parsed.ok) {
    err(`press-archive: ${formatQueryError(parsed.error, lang())}`);
    return 1;
  }

  const input: ValidExportPdfInput = {
    ...(ids
      ? { ids: ids.map(checkedId) }
      : values.query !== undefined
        ? { query: values.query.trim() }
        : { all: true }),
    options: {
      pageSize: choice(values['page-size'], PAGE_SIZES, '--page-size', 'A4'),
      typeface: choice(values.font, TYPEFACES, '--font', 'sans'),
      language: lang(),
      scans: values.scans === true,
    },
  };
  const target = fromCwd(values.out);
  await ensureFolder(dirname(target)); // before printing, not after
  const { printer = chromiumPrinter({ env: io().env }), env, stderr } = io();
  const service = await ArchiveService.open(archiveDirOf(values.archive), { printer, env });
  const line = progressLine(stderr, lang());
  let pdf;
  try {
    pdf = await service.exportPdf(input, quietRun(line.sink, 'exportPdf'));
  } finally {
    line.done();
  }
  const bytes = Buffer.from(pdf.pdfBase64, 'base64');
  await writeFileDurably(target, bytes);
  if (values.json) printJson({ out: target, clippings: pdf.clippings, pages: pdf.pages, bytes: bytes.length });
  else
    out(
      `${pdf.clippings} ${pdf.clippings === 1 ? 'clipping' : 'clippings'}, ${pdf.pages} ${pdf.pages === 1 ? 'page' : 'pages'} → ${values.out}`,
    );
  return 0;
};

/** A malformed id names no clipping: said as such (exit 1), like an id that is not there. */
function checkedId(id: string): string {
  if (!ClippingIdSchema.safeParse(id).success) throw new ArchiveError({ code: 'notFound', params: { id } });
  return id;
}

function choice<T extends string>(given: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (given === undefined) return fallback;
  const found = allowed.find((value) => value.toLowerCase() === given.toLowerCase());
  if (found === undefined) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`);
  return found;
}

async function ensureFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new ArchiveError({ code: 'io', params: { path: dir, detail: 'no such folder' } });
  }
}
