/** `npm run read-also:reindex`: rebuilds the read-also ranking state from the published articles, with a progress bar and an ETA per phase. */
import { SingleBar, Presets } from 'cli-progress';
import { pluginServices } from '../src/plugins/read-also/server/src/services/registry';
import type { ReindexPhase } from '../src/plugins/read-also/server/src/reindex/reindex-all';
import { withStrapi } from './lib/strapi';

const PHASE_LABELS: Record<ReindexPhase, string> = { indexing: 'indexing', preparing: 'preparing lists' };

withStrapi(async (strapi) => {
  const bar = new SingleBar(
    { format: '{phase} [{bar}] {value}/{total} articles, {duration_formatted} elapsed, ETA {eta_formatted}', stream: process.stderr },
    Presets.shades_classic,
  );
  const started = Date.now();
  let current: ReindexPhase | null = null;
  const count = await pluginServices(strapi).indexer.reindexAll((done, total, phase) => {
    // Each phase has its own bar, so its ETA comes from its own pace.
    if (phase !== current) {
      if (current) bar.stop();
      bar.start(total, 0, { phase: PHASE_LABELS[phase] });
      current = phase;
    }
    bar.update(done);
  });
  if (current) bar.stop();
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
