#!/usr/bin/env node
// npm test: runs the given npm scripts in order, stops at the first that fails, and says how long
// each took: wall clock, and the CPU time of its processes (Linux), which shows how busy the
// machine was — a step that waited for cores has much more wall than CPU time.
//
//   node scripts/test-steps.js typecheck lint build …
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const steps = process.argv.slice(2);
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

const seconds = (s) => `${s.toFixed(1).padStart(6)} s`;
const done = [];
let failed;
const started = performance.now();
for (const step of steps) {
  const wallStart = performance.now();
  const cpuStart = childrenCpuSeconds();
  const result = spawnSync(npm, ['run', step], { stdio: 'inherit', shell: process.platform === 'win32' });
  const cpuEnd = childrenCpuSeconds();
  const wall = (performance.now() - wallStart) / 1000;
  const cpu = cpuStart === undefined || cpuEnd === undefined ? undefined : cpuEnd - cpuStart;
  done.push({ step, wall, cpu, ok: result.status === 0 });
  if (result.status !== 0) {
    failed = result.status ?? 1;
    break;
  }
}

const total = (performance.now() - started) / 1000;
console.log("\nnpm test, step by step (wall clock; CPU = user + system time of the step's processes):");
for (const { step, wall, cpu, ok } of done) {
  const cpuText = cpu === undefined ? '' : `   CPU ${seconds(cpu)}`;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${step.padEnd(18)} ${seconds(wall)}${cpuText}`);
}
console.log(`  ${failed === undefined ? 'all passed' : 'stopped'} in ${seconds(total).trim()}`);
process.exitCode = failed ?? 0;
