// Runs Playwright; on Linux without a display (CI), under xvfb-run so the Electron tests can open a
// window where an Electron binary exists. Chromium itself runs headless either way.
import { spawnSync } from 'node:child_process';

const args = ['playwright', 'test', ...process.argv.slice(2)];
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY;
const hasXvfb = needsDisplay && spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
const [command, commandArgs] = hasXvfb ? ['xvfb-run', ['-a', 'npx', ...args]] : ['npx', args];
const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
process.exit(result.status ?? 1);
