/** Ranking quality against human judgements, as the CNRec protocol defines it. Pure. */

/** Gain of each judged pair, keyed both ways: "a|b" and "b|a". */
export type Judgements = Map<string, number>;

export const GOOD = 0.75;

export function pairKey(a: string | number, b: string | number): string {
  return `${a}|${b}`;
}

export function gainOf(judgements: Judgements, source: string | number, target: string | number): number {
  return judgements.get(pairKey(source, target)) ?? 0;
}

/** DCG of gains in rank order: gain / log2(rank + 1). */
export function dcg(gains: number[]): number {
  return gains.reduce((sum, gain, index) => sum + gain / Math.log2(index + 2), 0);
}

/** nDCG@k of a ranking, the ideal being the k best judged pairs of the source. */
export function ndcgAt(
  k: number,
  ranked: (string | number)[],
  source: string | number,
  judgements: Judgements,
  judgedGains: number[],
): number {
  const ideal = dcg([...judgedGains].sort((a, b) => b - a).slice(0, k));
  if (ideal === 0) return 0;
  return dcg(ranked.slice(0, k).map((target) => gainOf(judgements, source, target))) / ideal;
}

/** Share of the k suggestions that raters would follow (gain ≥ 0.75). */
export function precisionAt(k: number, ranked: (string | number)[], source: string | number, judgements: Judgements): number {
  return ranked.slice(0, k).filter((target) => gainOf(judgements, source, target) >= GOOD).length / k;
}

export type QualityFigures = { ndcg5: number; p5: number; articles: number };

/** Mean nDCG@5 and P@5 over every source that has judged pairs. */
export function evaluate(rankings: Map<string, string[]>, judgements: Judgements, judgedBySource: Map<string, number[]>): QualityFigures {
  let ndcg = 0;
  let precision = 0;
  let articles = 0;
  for (const [source, gains] of judgedBySource) {
    const ranked = rankings.get(source) ?? [];
    ndcg += ndcgAt(5, ranked, source, judgements, gains);
    precision += precisionAt(5, ranked, source, judgements);
    articles += 1;
  }
  return { ndcg5: articles ? ndcg / articles : 0, p5: articles ? precision / articles : 0, articles };
}
