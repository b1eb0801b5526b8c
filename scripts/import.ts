/** `npm run import -- [--publish] <file|dir>...`: plain-text wire stories into Newsdesk. */
import path from 'node:path';
import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { importFiles } from '../src/importer/batch';
import { withStrapi } from './lib/strapi';

const program = new Command()
  .name('npm run import --')
  .description('Import plain-text wire stories (.txt, with optional front matter or a .json sidecar) as Articles.')
  .option('--publish', 'publish the imported stories (default: drafts for an editor to review)', false)
  .argument('<paths...>', 'story files or directories of .txt files')
  .showHelpAfterError();

program.parse();
const paths = program.args;
const { publish } = program.opts<{ publish: boolean }>();

withStrapi(async (strapi) => {
  const bar = new SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', stream: process.stderr }, Presets.shades_classic);
  const showBar = paths.length > 1 || paths.some((input) => !path.extname(input));
  const failures: string[] = [];
  const summary = await importFiles(strapi, paths, {
    publish,
    onTotal: (total) => showBar && bar.start(total, 0, { file: '' }),
    onFile: (result, done) => {
      if ('failure' in result) failures.push(`failed: ${result.file}: ${result.failure}`);
      if (showBar) bar.update(done, { file: path.basename(result.file) });
      else if ('outcome' in result)
        console.log(`${result.outcome.status}: ${result.file} → "${result.outcome.title}" (${result.outcome.documentId})`);
    },
  });
  if (showBar) bar.stop();
  for (const line of failures) console.error(line);
  console.log(
    `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed` +
      (publish ? ' (published)' : ' (drafts)'),
  );
  return summary.failed;
}).then(
  (failed) => process.exit(failed > 0 ? 1 : 0),
  (error: Error) => {
    console.error(`import failed: ${error.message}`);
    process.exit(1);
  },
);
