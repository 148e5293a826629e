// Starts `press-archive serve` on a fresh archive folder, as a real process, for browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BIN } from './cli.ts';

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** `port` 0 takes any free port; the app benchmark relaunches on the same one (the browser keeps the index per origin). */
export async function serveArchive(archiveDir: string, port = 0, env: Record<string, string> = {}): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--archive', archiveDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        if (child.exitCode !== null) return resolve();
        // A serve that does not stop within 10 s is a bug worth seeing (the test fails), but must not
        // hang the suite.
        let forced = false;
        const force = setTimeout(() => {
          forced = true;
          child.kill('SIGKILL');
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          if (forced) reject(new Error(`serve did not stop within 10 s of SIGTERM: ${stderr}`));
          else resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
