// The archive describes damage in English, for `press-archive check` and for people who fix files
// (archive/storage/check.ts). The banner says each problem as a plain sentence in the UI's language
// that names the file (and the clipping, when one is known); the archive's own words stay available
// as the technical detail, secondary.
type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface DamageSentence {
  sentence: string;
  /** What the archive said, for whoever wants the exact cause (a JSON parser's message, a code). */
  technical?: string;
}

/** [pattern of check.ts's detail, message key, which groups are which parameters] */
const KNOWN: [RegExp, string, string[]][] = [
  [/^missing$/, 'damage.missing', []],
  [/^not valid JSON \(/, 'damage.notJson', []],
  [/^manifest says (\d+) clippings, the (?:file|summary) has (\d+)$/, 'damage.count', ['expected', 'actual']],
  [/^its bytes do not match their checksum$/, 'damage.checksum', []],
  [/^clipping (\S+) does not match its checksum$/, 'damage.recordChanged', ['id']],
  [/^clipping (\S+) is missing or its id changed$/, 'damage.recordMissing', ['id']],
  [/^clipping (\S+) cannot be read/, 'damage.recordUnreadable', ['id']],
  [/^a clipping whose id the summary does not know/, 'damage.unknownRecord', []],
  [/^the summary of (\S+) does not match the clipping$/, 'damage.summaryDisagrees', ['id']],
  [/^duplicate id (\S+)/, 'damage.duplicate', ['id']],
  [/^written by a newer Press Archive \(format (\d+)\)$/, 'damage.newer', ['version']],
  [/^cannot be read \(/, 'damage.unreadable', []],
  [/^not listed in the manifest$/, 'damage.notListed', []],
  [/^manifest says \d+ in the trash|^its ids are not the ones the manifest lists/, 'damage.disagrees', []],
];

export function describeDamage(problem: { file: string; detail: string }, t: Translate): DamageSentence {
  // The file name is kept left-to-right inside a Hindi sentence.
  const file = `\u2068${problem.file}\u2069`;
  for (const [pattern, key, names] of KNOWN) {
    const match = pattern.exec(problem.detail);
    if (!match) continue;
    const params: Record<string, string | number> = { file };
    names.forEach((name, i) => (params[name] = match[i + 1]!));
    // The sentence says all there is to say when the detail is only the words matched.
    const technical = match[0] === problem.detail && key !== 'damage.notJson' ? undefined : problem.detail;
    return technical === undefined ? { sentence: t(key, params) } : { sentence: t(key, params), technical };
  }
  return { sentence: t('damage.other', { file }), technical: problem.detail };
}
