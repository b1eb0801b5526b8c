/**
 * The classic "related posts" baselines, on the same tokens read-also uses:
 * TF-IDF cosine over title and body, and BM25 more-like-this with 25 query terms
 * (Elasticsearch's MLT: the source's top TF-IDF terms OR-ed into a BM25 query). Pure.
 */
import { termsOf } from '../../src/plugins/read-also/server/src/scoring/text';

export type Doc = { id: string; title: string; text: string; locale: string };

type Vectorised = { id: string; counts: Map<string, number>; length: number };

function vectorise(docs: Doc[]): { vectors: Vectorised[]; df: Map<string, number> } {
  const df = new Map<string, number>();
  const vectors = docs.map((doc) => {
    const { counts } = termsOf(`${doc.title}\n${doc.text}`, doc.locale);
    for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    return { id: doc.id, counts, length: [...counts.values()].reduce((a, b) => a + b, 0) };
  });
  return { vectors, df };
}

function topK(scores: Map<string, number>, exclude: string, k: number): string[] {
  return [...scores.entries()]
    .filter(([id, score]) => id !== exclude && score > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, k)
    .map(([id]) => id);
}

export function tfidfCosine(docs: Doc[], k = 5): Map<string, string[]> {
  const { vectors, df } = vectorise(docs);
  const n = vectors.length;
  const weighted = vectors.map((vector) => {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of vector.counts) {
      const weight = (1 + Math.log(tf)) * Math.log(n / (df.get(term) as number));
      weights.set(term, weight);
      norm += weight * weight;
    }
    return { id: vector.id, weights, norm: Math.sqrt(norm) };
  });
  const rankings = new Map<string, string[]>();
  for (const source of weighted) {
    const scores = new Map<string, number>();
    for (const other of weighted) {
      if (other.id === source.id || other.norm === 0 || source.norm === 0) continue;
      let dot = 0;
      for (const [term, weight] of source.weights) dot += weight * (other.weights.get(term) ?? 0);
      scores.set(other.id, dot / (source.norm * other.norm));
    }
    rankings.set(source.id, topK(scores, source.id, k));
  }
  return rankings;
}

export function bm25MoreLikeThis(docs: Doc[], k = 5, queryTerms = 25, k1 = 1.2, b = 0.75): Map<string, string[]> {
  const { vectors, df } = vectorise(docs);
  const n = vectors.length;
  const averageLength = vectors.reduce((sum, vector) => sum + vector.length, 0) / n;
  const idf = (term: string) => Math.log(1 + (n - (df.get(term) as number) + 0.5) / ((df.get(term) as number) + 0.5));
  const rankings = new Map<string, string[]>();
  for (const source of vectors) {
    const query = [...source.counts.entries()]
      .map(([term, tf]) => ({ term, score: tf * idf(term) }))
      .sort((a, b2) => b2.score - a.score || a.term.localeCompare(b2.term))
      .slice(0, queryTerms)
      .map((entry) => entry.term);
    const scores = new Map<string, number>();
    for (const other of vectors) {
      if (other.id === source.id) continue;
      let score = 0;
      for (const term of query) {
        const tf = other.counts.get(term) ?? 0;
        if (tf === 0) continue;
        score += idf(term) * ((tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * other.length) / averageLength)));
      }
      scores.set(other.id, score);
    }
    rankings.set(source.id, topK(scores, source.id, k));
  }
  return rankings;
}
