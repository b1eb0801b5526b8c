/** `npm run read-also:reindex`: rebuilds the read-also ranking state from the published articles. */
import { SingleBar, Presets } from 'cli-progress';
import { pluginServices } from '../src/plugins/read-also/server/src/services/registry';
import { withStrapi } from './lib/strapi';

withStrapi(async (strapi) => {
  const bar = new SingleBar({ format: 'reindexing [{bar}] {value}/{total} articles', stream: process.stderr }, Presets.shades_classic);
  const started = Date.now();
  let begun = false;
  const count = await pluginServices(strapi).indexer.reindexAll((done, total) => {
    if (!begun) bar.start(total, 0);
    begun = true;
    bar.update(done);
  });
  if (begun) bar.stop();
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `reindexed ${count} published articles in ${seconds.toFixed(1)} s (${seconds > 0 ? Math.round(count / seconds) : count} articles/s)`,
  );
}).then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`reindex failed: ${error.message}`);
    process.exit(1);
  },
);
