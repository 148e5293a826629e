#!/usr/bin/env node
// npm test: runs npm scripts in lanes, stops at the first that fails, and says how long each took:
// wall clock, and the CPU time of its processes (Linux), which shows how busy the machine was — a
// step that waited for cores has much more wall than CPU time.
//
//   node scripts/test-steps.js build then test:vitest test:e2e,typecheck,lint
//
// Each argument is a lane: its steps, separated by commas, run one after another. The lanes run at
// the same time, so that a step which leaves a core idle (the browser tests wait on pages, tsc and
// ESLint are single-threaded) lends it to another. `then` separates phases: a phase starts when
// every lane of the one before has passed (the tests need the build). The first lane of a phase
// prints as it goes; the others print each step's output whole when it ends, so the lines of two
// steps never mix. When a step fails, the steps still running are stopped.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** User + system seconds of this process's finished children (and theirs), where /proc tells it. */
function childrenCpuSeconds() {
  try {
    // Fields after "pid (name) ": state is the first; cutime and cstime are the 14th and 15th, in ticks.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

// `--one STEP`: runs one npm script and writes the CPU time it took on fd 3. A process of its own
// per step, because a process can only count the CPU time of its own children.
if (process.argv[2] === '--one') {
  const result = spawnSync(npm, ['run', process.argv[3]], { stdio: 'inherit', shell: process.platform === 'win32' });
  writeSync(3, JSON.stringify({ cpu: childrenCpuSeconds() ?? null }));
  process.exit(result.status ?? 1);
}

/** The phases, each a list of lanes, each a list of steps. */
const phases = [[]];
for (const argument of process.argv.slice(2)) {
  if (argument === 'then') phases.push([]);
  else phases.at(-1).push(argument.split(',').filter(Boolean));
}
const lanes = phases.flat();
const self = fileURLToPath(import.meta.url);
const running = new Set();
const done = [];
let failed;

/** Runs one step; resolves with its wall and CPU seconds and whether it passed. */
function runStep(step, streamed) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [self, '--one', step], {
      stdio: ['inherit', streamed ? 'inherit' : 'pipe', streamed ? 'inherit' : 'pipe', 'pipe'],
      detached: process.platform !== 'win32', // its own process group, so that a stop reaches npm's children
    });
    running.add(child);
    const output = [];
    if (!streamed) {
      child.stdout.on('data', (d) => output.push(d));
      child.stderr.on('data', (d) => output.push(d));
    }
    let report = '';
    child.stdio[3].setEncoding('utf8').on('data', (d) => (report += d));
    child.on('close', (code) => {
      running.delete(child);
      if (!streamed && output.length > 0) {
        process.stdout.write(`\n--- ${step} ---\n`);
        process.stdout.write(Buffer.concat(output));
      }
      let cpu;
      try {
        cpu = JSON.parse(report).cpu ?? undefined;
      } catch {
        cpu = undefined; // stopped before it could say
      }
      resolve({ step, wall: (performance.now() - started) / 1000, cpu, ok: code === 0 });
    });
  });
}

/** Stops every step still running (each is a process group of its own). */
function stopRunning(signal = 'SIGTERM') {
  for (const child of running) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  }
}
// Ctrl+C reaches only the terminal's process group: pass it on to the steps' groups.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopRunning(signal);
    process.exit(130);
  });
}

async function runLane(steps, lane, streamed) {
  for (const step of steps) {
    if (failed !== undefined) return;
    const result = { ...(await runStep(step, streamed)), lane };
    // A step stopped because another one failed is listed as stopped, not as failing.
    if (failed !== undefined && !result.ok) result.stopped = true;
    done.push(result);
    if (result.stopped) return;
    if (!result.ok) {
      failed = step;
      stopRunning();
      return;
    }
  }
}

const started = performance.now();
let firstLaneOfPhase = 0;
for (const phaseLanes of phases) {
  if (failed !== undefined) break;
  const first = firstLaneOfPhase;
  await Promise.all(phaseLanes.map((steps, i) => runLane(steps, first + i, i === 0)));
  firstLaneOfPhase += phaseLanes.length;
}
const total = (performance.now() - started) / 1000;

const seconds = (s) => `${s.toFixed(1).padStart(6)} s`;
console.log("\nnpm test, step by step (wall clock; CPU = user + system time of the step's processes):");
lanes.forEach((lane, i) => {
  const results = done.filter((d) => d.lane === i);
  if (lanes.length > 1) console.log(`  lane ${i + 1}:${results.length === 0 ? ' not started' : ''}`);
  for (const { step, wall, cpu, ok, stopped } of results) {
    const cpuText = cpu === undefined ? '' : `   CPU ${seconds(cpu)}`;
    console.log(`  ${stopped ? 'stop' : ok ? 'ok  ' : 'FAIL'} ${step.padEnd(18)} ${seconds(wall)}${cpuText}`);
  }
});
const cpuTotal = done.reduce((sum, d) => sum + (d.cpu ?? 0), 0);
console.log(
  `  ${failed === undefined ? 'all passed' : `stopped at ${failed}`} in ${seconds(total).trim()} wall, ` +
    `${seconds(cpuTotal).trim()} CPU${lanes.length > 1 ? ' (the lanes of a phase ran side by side)' : ''}`,
);
process.exitCode = failed === undefined ? 0 : 1;
