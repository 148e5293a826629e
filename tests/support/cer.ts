// Character error rate: edit distance (insertions, deletions, substitutions of code points)
// between what OCR read and the true text, divided by the length of the true text.
export function characterErrorRate(truth: string, read: string): number {
  const a = [...truth];
  const b = [...read];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return a.length === 0 ? (b.length === 0 ? 0 : 1) : previous[b.length]! / a.length;
}
