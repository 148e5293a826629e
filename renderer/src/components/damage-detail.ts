// The archive describes damage in English (as `press-archive check` prints it); the most common
// kinds are said in the UI's language here, with the technical part kept after them.
type Translate = (key: string, params?: Record<string, string | number>) => string;

export function describeDamage(detail: string, t: Translate): string {
  if (detail === 'missing') return t('damage.missing');
  const json = /^not valid JSON \((.*)\)$/s.exec(detail);
  if (json) return `${t('damage.notJson')} · ${json[1]}`;
  const count = /^manifest says (\d+) clippings, the file has (\d+)$/.exec(detail);
  if (count) return t('damage.count', { expected: Number(count[1]), actual: Number(count[2]) });
  return detail;
}
