/** Reading the CNRec evaluation set from ../shared/data/cnrec at run time (never copied into the project). */
import fs from 'node:fs';
import path from 'node:path';
import type { Judgements } from './metrics';
import { pairKey } from './metrics';

export type CnrecArticle = { id: number; title: string; text: string; group: number };

export function readArticles(dir: string): CnrecArticle[] {
  return fs
    .readFileSync(path.join(dir, 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CnrecArticle);
}

/** Pair judgements (mean "would follow the link"), and the judged gains of each article. */
export function readJudgements(dir: string): { judgements: Judgements; judgedBySource: Map<string, number[]> } {
  const [header, ...rows] = fs.readFileSync(path.join(dir, 'pairs.csv'), 'utf8').trim().split('\n');
  const columns = header.split(',');
  const a = columns.indexOf('article_a');
  const b = columns.indexOf('article_b');
  const good = columns.indexOf('mean_good_recommendation');
  const judgements: Judgements = new Map();
  const judgedBySource = new Map<string, number[]>();
  for (const row of rows) {
    const cells = row.split(',');
    const gain = Number(cells[good]);
    for (const [source, target] of [
      [cells[a], cells[b]],
      [cells[b], cells[a]],
    ]) {
      judgements.set(pairKey(source, target), gain);
      judgedBySource.set(source, [...(judgedBySource.get(source) ?? []), gain]);
    }
  }
  return { judgements, judgedBySource };
}
