import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../../archive/transport/dispatch.ts';
import { chromiumPrinter } from '../../archive/pdf/chromium-printer.ts';
import { ArchiveService } from '../../archive/service.ts';
import { startWebServer } from '../../archive/transport/http-server.ts';
import { UsageError, archiveDirOf, noPositionals, out, parse, type Command } from '../context.ts';
import { importHoldFromEnv } from '../import-hold.ts';

/** serve [--port N]: the UI and the API on 127.0.0.1 until interrupted; first stdout line is the URL. */
export const serve: Command = async (args) => {
  const { values, positionals } = parse(args, { port: { type: 'string' } });
  noPositionals(positionals);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0-65535');
  // PDFs are printed by a system Chromium, started on the first export and kept a minute for the next.
  const printer = chromiumPrinter({ keepAliveMs: 60_000 });
  const service = await ArchiveService.open(archiveDirOf(values.archive), { printer, importHold: importHoldFromEnv() });
  const server = await startWebServer({
    dispatch: createDispatcher(service),
    // The CLI is built to out/cli/press-archive.js; the renderer to out/renderer.
    rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
    port,
  });
  out(server.url);
  await new Promise<void>((stop) => {
    process.once('SIGINT', () => stop());
    process.once('SIGTERM', () => stop());
  });
  // Tasks still running (an import, the background verification) are stopped, so that the process
  // ends now rather than when they would.
  await server.close();
  await service.close();
  await printer.dispose();
  return 0;
};
