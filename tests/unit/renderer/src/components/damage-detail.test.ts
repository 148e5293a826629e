// The damage banner's sentences: each kind of problem `check` reports becomes a sentence in the
// user's language naming the file (and the clipping), with the archive's own words, such as a JSON
// parser's message, kept apart as the technical detail. Real damage, real check reports.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ArchiveService } from '../../../../../archive/service.ts';
import { checkArchive } from '../../../../../archive/storage/check.ts';
import { describeDamage } from '../../../../../renderer/src/components/damage-detail.ts';
import { uiEn } from '../../../../../renderer/src/i18n/ui-en.ts';
import { uiHi } from '../../../../../renderer/src/i18n/ui-hi.ts';
import { shardFile } from '../../../../support/archive-files.ts';
import { tempDir } from '../../../../support/temp.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('press-archive-damage-text-'));
  await (await ArchiveService.open(dir)).add({ title: 'बाढ़', body: 'गंगा का जलस्तर बढ़ा।', date: '2024-08-14' });
});
afterEach(() => cleanup());

const translator =
  (catalog: Record<string, string>) =>
  (key: string, params: Record<string, string | number> = {}) =>
    (catalog[key] ?? `MISSING ${key}`).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));

const DAMAGE: [string, (file: string) => Promise<void>][] = [
  ['cut short', async (file) => writeFile(join(dir, file), (await readFile(join(dir, file))).subarray(0, 100))],
  [
    'a control character in a string',
    async (file) => {
      const bytes = await readFile(join(dir, file));
      bytes[bytes.indexOf('गंगा')] = 0x01;
      await writeFile(join(dir, file), bytes);
    },
  ],
  [
    'a changed date digit',
    async (file) => {
      const text = await readFile(join(dir, file), 'utf8');
      await writeFile(join(dir, file), text.replace('2024-08-14', '2024-08-15'));
    },
  ],
  ['deleted', (file) => rm(join(dir, file))],
];

it.each(DAMAGE)('%s: a sentence naming the file in English and Hindi, the parser text apart', async (_, damage) => {
  const file = await shardFile(dir);
  await damage(file);
  const { problems } = await checkArchive(dir);
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    for (const catalog of [uiEn, uiHi]) {
      const { sentence, technical } = describeDamage(problem, translator(catalog));
      expect(sentence).not.toContain('MISSING');
      expect(sentence).toContain(`\u2068${problem.file}\u2069`);
      if (problem.id) expect(sentence).toContain(problem.id);
      // No parser or English technical text in the sentence itself.
      expect(sentence).not.toMatch(/JSON at position|Unexpected|Bad control|checksum\)$/);
      if (catalog === uiHi) expect(sentence).toMatch(/[\u0900-\u097F]/);
      if (/not valid JSON/.test(problem.detail)) expect(technical).toBe(problem.detail);
    }
  }
});

it('a control character in a shard: the sentence says the file is garbled, the parser’s words are the detail', async () => {
  const file = await shardFile(dir);
  await DAMAGE[1]![1](file);
  const problem = (await checkArchive(dir)).problems.find((p) => p.file === file && /not valid JSON/.test(p.detail))!;
  expect(problem.detail).toMatch(/Bad control character in string literal in JSON at position \d+/);
  const { sentence, technical } = describeDamage(problem, translator(uiEn));
  expect(sentence).toBe(`The file \u2068${file}\u2069 is cut short or garbled: it can no longer be read.`);
  expect(technical).toContain('Bad control character in string literal');
});
