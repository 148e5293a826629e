// A writer for the crash test: the archive's storage engine alone (no CLI, HTTP, import or PDF code,
// so a process starts in a fraction of the CLI's time and can be killed hundreds of times). It adds,
// edits and trashes in a loop and prints each write once it is acknowledged (durable), and each edit
// also before it starts (it may be on disk even if the kill comes before its acknowledgement):
//   add ID TITLE | want ID TITLE | edit ID TITLE | trash ID
// Built for Node by the crash test (vite), run as `node crash-writer.js ARCHIVE NAME`.
import { ClippingInputSchema, createClipping } from '../../archive/clipping.ts';
import { newClippingId } from '../../archive/ids.ts';
import { ShardedStore } from '../../archive/storage/sharded-store.ts';

const [dir, name] = process.argv.slice(2) as [string, string];
const store = await ShardedStore.open(dir, { initialClippings: () => [], whenDamaged: 'refuse' });
const mine: string[] = [];
const say = (line: string) => process.stdout.write(line + '\n'); // synchronous on a pipe

for (let i = 0; ; i++) {
  const input = ClippingInputSchema.parse({ title: `${name} ${i}`, body: `${name}: लिखते-लिखते रोका गया ${i}` });
  const [added] = await store.insert(async ({ idTaken }) => {
    let id = newClippingId();
    while (await idTaken(id)) id = newClippingId();
    return [createClipping(id, input, new Date().toISOString())];
  });
  mine.push(added!.id);
  say(`add ${added!.id} ${input.title}`);
  if (i % 3 === 1) {
    const id = mine[Math.floor(Math.random() * mine.length)]!;
    const title = `edit ${name} ${i}`;
    say(`want ${id} ${title}`);
    await store.update(id, (c) => ({ ...c, title, updatedAt: new Date().toISOString() }));
    say(`edit ${id} ${title}`);
  }
  if (i % 7 === 6) {
    const id = mine[0]!;
    await store.update(id, (c) => ({ ...c, deletedAt: c.deletedAt ?? new Date().toISOString() }));
    say(`trash ${id}`);
  }
}
