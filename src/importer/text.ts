/** Small text helpers shared by the parser and the people matcher. Pure. */

/** Lower case, accents folded, curly apostrophes made straight: for comparing, never for storing. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

/** A comparison key for headlines: folded, punctuation dropped, spaces collapsed. */
export function titleKey(text: string): string {
  return foldForMatch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Collapses runs of spaces and tabs; keeps no-break spaces, which French typography uses on purpose. */
export function normaliseSpaces(text: string): string {
  return text.replace(/[ \t\f\v\u200B]+/g, ' ').trim();
}

/** Similarity of two headlines in [0, 1]: the Dice coefficient of their character bigrams, tolerant of small edits. */
export function headlineSimilarity(a: string, b: string): number {
  const keyA = titleKey(a);
  const keyB = titleKey(b);
  if (keyA === keyB) return 1;
  const grams = (key: string) => {
    const compact = key.replace(/ /g, '');
    const result = new Map<string, number>();
    for (let i = 0; i < compact.length - 1; i += 1) {
      const gram = compact.slice(i, i + 2);
      result.set(gram, (result.get(gram) ?? 0) + 1);
    }
    return result;
  };
  const gramsA = grams(keyA);
  const gramsB = grams(keyB);
  let shared = 0;
  let total = 0;
  for (const count of gramsA.values()) total += count;
  for (const [gram, count] of gramsB) {
    total += count;
    shared += Math.min(count, gramsA.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Headlines this similar are taken as the same story (a typo, a changed quote mark, a dropped word). */
export const SAME_HEADLINE = 0.9;
