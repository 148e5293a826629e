#!/usr/bin/env node
// npm run lint:security — Electronegativity (Doyensec's Electron security scanner) over the app's own
// sources, offline. Fails on any HIGH or MEDIUM finding except the ones accepted below with a reason.
//
//   node scripts/lint-security.js [ROOT]     ROOT defaults to this repository
//
// Offline: the AvailableSecurityFixes check (which downloads Electron's release list) is excluded, and
// every outgoing connection this process attempts is refused and reported (Electronegativity also
// tries to download updated translations; it falls back to the bundled English ones).
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import dns from 'node:dns';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What ships in the desktop app: main process, preload, renderer and the core they use. */
const SOURCES = ['main', 'preload', 'renderer', 'archive', 'package.json'];
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
/** Findings that are review notes, not defects, with the reason they are accepted. */
const ACCEPTED = {
  PRELOAD_JS_CHECK:
    'review note: the sandboxed preload exposes exactly the API methods (preload/index.ts, tests/unit/preload/index.test.ts)',
};
const FAILING_SEVERITIES = ['HIGH', 'MEDIUM'];

// --- refuse the network before Electronegativity is loaded ------------------------------------
const refused = [];
function describeTarget(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object') return `${first.host ?? first.path ?? '?'}:${first.port ?? ''}`;
  return `${args[1] ?? 'localhost'}:${first}`;
}
net.Socket.prototype.connect = function refuseConnect(...args) {
  const target = describeTarget(args);
  refused.push(target);
  process.nextTick(() => this.destroy(new Error(`offline scan: connection to ${target} refused`)));
  return this;
};
dns.lookup = (hostname, _options, callback) => {
  refused.push(`dns ${hostname}`);
  const done = typeof _options === 'function' ? _options : callback;
  process.nextTick(() => done(new Error(`offline scan: DNS lookup of ${hostname} refused`)));
};

const require = createRequire(import.meta.url);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(process.argv[2] ?? repoRoot);

async function exists(path) {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Copies the shipped sources to a scratch folder: the scanner takes one folder, and the repository's
 * node_modules, tests (with their Electron stand-in) and build output are not the app's sources. */
async function stageSources() {
  const stage = await mkdtemp(join(tmpdir(), 'press-archive-electronegativity-'));
  let copied = 0;
  for (const source of SOURCES) {
    const from = join(root, source);
    if (!(await exists(from))) continue;
    await cp(from, join(stage, source), {
      recursive: true,
      filter: (path) => !path.split(/[\\/]/).includes('node_modules'),
    });
    copied += 1;
  }
  return { stage, copied };
}

async function main() {
  const { stage, copied } = await stageSources();
  try {
    if (copied === 0) throw new Error(`nothing to scan in ${root}`);
    // Electronegativity asks for a locale file named after $LANG; the bundled one is en-US.
    process.env.LANG = 'en-US';
    const electronegativity = require('@doyensec/electronegativity');
    const run = electronegativity.default ?? electronegativity;
    const result = await run(
      { input: stage, excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()), isRelative: true },
      false,
    );
    report(result);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

function report({ issues, errors, globalChecks, atomicChecks }) {
  const failing = [];
  console.log(`Electronegativity: ${atomicChecks} atomic and ${globalChecks} global checks over ${SOURCES.join(', ')}`);
  for (const issue of issues) {
    const severity = issue.severity.name;
    const where = `${issue.file}:${issue.location.line}`;
    const accepted = ACCEPTED[issue.id];
    const fails = FAILING_SEVERITIES.includes(severity) && accepted === undefined;
    if (fails) failing.push(issue);
    const verdict = fails ? 'FAIL' : accepted ? 'accepted' : 'note';
    console.log(`  ${verdict.padEnd(8)} ${severity.padEnd(13)} ${issue.id} ${where}`);
    console.log(`           ${issue.description}${accepted ? ` (${accepted})` : ''}`);
  }
  const unreadable = errors.filter((e) => !e.tolerable);
  for (const error of unreadable) console.log(`  FAIL     could not parse ${error.file}: ${error.message}`);
  console.log(
    refused.length === 0
      ? 'Network: no connection attempted.'
      : `Network: refused ${refused.length} attempt(s), the scan ran offline: ${[...new Set(refused)].join(', ')}`,
  );
  if (failing.length > 0 || unreadable.length > 0) {
    console.error(
      `lint:security failed: ${failing.length} HIGH/MEDIUM finding(s), ${unreadable.length} unreadable file(s).`,
    );
    process.exitCode = 1;
  } else {
    console.log('lint:security: no HIGH or MEDIUM findings.');
  }
}

main().catch((error) => {
  console.error(`lint:security: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
