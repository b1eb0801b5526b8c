/**
 * `npm run bench:structure -- [--verbose]`: the pure parser on the development sets of
 * ../shared/data/quotes (texts read at run time, never copied here), scored by ./score.
 * Prints per set and per language: quote P/R/F1, attribution (end to end and of found),
 * organisations, people P/R/F1. No Strapi, no database: seconds, not minutes.
 */
import path from 'node:path';
import { parseStory } from '../../src/importer/parser';
import { cases, imported, line } from './cases';
import { addCounts, scoreStory, zeroCounts, type Counts } from './score';

const DATA = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
const verbose = process.argv.includes('--verbose');

function main() {
  const bySet = new Map<string, Counts>();
  const byLanguage = new Map<string, Counts>();
  for (const story of cases(DATA)) {
    const model = parseStory(story.raw);
    const result = scoreStory(story.gold, imported(model));
    bySet.set(story.set, addCounts(bySet.get(story.set) ?? zeroCounts(), result.counts));
    byLanguage.set(story.language, addCounts(byLanguage.get(story.language) ?? zeroCounts(), result.counts));
    if (!verbose) continue;
    console.log(`\n## ${story.set} ${story.name}: ${line('', result.counts)}`);
    console.log(`   title: ${model.title} | byline: ${model.metadata.byline ?? '-'} | dateline: ${model.metadata.dateline ?? '-'}`);
    for (const verdict of result.verdicts) {
      const mark = !verdict.imported ? 'MISS' : verdict.speakerRight === false ? 'WHO ' : 'ok  ';
      const got = verdict.imported ? `${verdict.imported.speakerName ?? verdict.imported.organisation ?? '∅'}` : '';
      console.log(
        `   ${mark} [${verdict.gold.how}] ${verdict.gold.start} — gold: ${verdict.gold.speaker ?? '∅'}${got ? `, got: ${got}` : ''}`,
      );
    }
    for (const quote of result.falseQuotes)
      console.log(`   FALSE ${quote.text.slice(0, 70)} — ${quote.speakerName ?? quote.organisation ?? '∅'}`);
    const gold = story.gold.people.join(', ');
    console.log(`   people gold: ${gold}\n   people got:  ${model.namedPeople.join(', ')}`);
  }
  console.log('\nstructure bench, dev sets (pure parser)');
  for (const [set, counts] of bySet) console.log(line(set, counts));
  for (const [language, counts] of byLanguage) console.log(line(language.toUpperCase(), counts));
}

main();
