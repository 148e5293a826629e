// CPU seconds (user + system) used so far by a process and everything it started — the live
// descendants, and the finished ones its tree has waited for — from /proc (Linux; undefined elsewhere).
import { readFileSync, readdirSync } from 'node:fs';

interface Stat {
  ppid: number;
  /** Own time plus the waited-for children's, in clock ticks. */
  ticks: number;
}

function readStat(pid: string): Stat | undefined {
  try {
    // After "pid (name) ": state, ppid, …; utime, stime, cutime, cstime are fields 14-17 of the line.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return { ppid: Number(fields[1]), ticks };
  } catch {
    return undefined; // gone meanwhile
  }
}

export function treeCpuSeconds(root = process.pid): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const children = new Map<number, number[]>();
  const stats = new Map<number, Stat>();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (!stat) continue;
    stats.set(Number(pid), stat);
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(pid)]);
  }
  let ticks = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks / 100;
}
