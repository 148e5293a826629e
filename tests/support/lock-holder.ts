// Holds an archive's lock from another process through the app's own lock (archive/storage/lock.ts),
// as a second app or CLI would. Built for Node by the lock test (vite), run as
//   node lock-holder.js ARCHIVE [release-on-request]
// It prints 'locked' once it holds the lock; then it keeps the lock until killed, or, with
// release-on-request, lets it go at the first line on its stdin and prints 'released'.
import { ArchiveLock } from '../../archive/storage/lock.ts';

const [dir, mode] = process.argv.slice(2) as [string, string | undefined];
const say = (line: string) => process.stdout.write(line + '\n'); // synchronous on a pipe

await new ArchiveLock(dir).run(async () => {
  say('locked');
  if (mode === 'release-on-request') {
    await new Promise((resolve) => process.stdin.once('data', resolve));
  } else {
    setInterval(() => {}, 60_000); // until killed
    await new Promise(() => {});
  }
});
say('released');
process.exit(0);
