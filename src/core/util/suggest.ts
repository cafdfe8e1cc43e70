/** "Did you mean …?": the nearest of a set of known names to a misspelled one. */

/**
 * Edit distance with insertions, deletions, substitutions and swaps of neighbours each costing
 * 1 (optimal string alignment): `spce` is one edit from `spec`, as a typist sees it.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, before[j - 2]! + 1);
      current.push(cost);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known name closest to `word` (ignoring case), when close enough to be a typo: at most
 * one edit for short names, two for longer ones; failing that, the name sharing the longest
 * beginning with the word, when that is most of it (`components` for `componentRefs`). Ties go to the earlier
 * candidate.
 */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  const wanted = word.toLowerCase();
  const limit = wanted.length <= 4 ? 1 : 2;
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(wanted, name.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  if (best || wanted.length < 4) return best?.name;
  let prefixed: { name: string; length: number } | undefined;
  for (const name of candidates) {
    const length = commonPrefix(wanted, name.toLowerCase());
    if (length >= 4 && length >= 0.75 * Math.min(wanted.length, name.length) && (!prefixed || length > prefixed.length)) prefixed = { name, length };
  }
  return prefixed?.name;
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}
