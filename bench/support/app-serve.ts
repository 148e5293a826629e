// `press-archive serve` for the app benchmark, on a port of our choosing: a relaunch must come back
// on the same port, since the browser keeps the saved search index per origin (as the desktop app
// keeps it for its one origin).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BIN } from '../../tests/support/cli.ts';

export interface Served {
  url: string;
  stop(): Promise<void>;
}

export async function serveOn(archiveDir: string, port = 0): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--archive', archiveDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
