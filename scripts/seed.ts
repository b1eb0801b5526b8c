/** `npm run seed`: the seed people and the Trudeau–Zelensky story, published. Safe to run again. */
import { seed } from '../src/importer/seed';
import { withStrapi } from './lib/strapi';

withStrapi(async (strapi) => {
  const report = await seed(strapi, (line) => console.log(line));
  console.log(`seed ${report.story.status}: ${report.peopleCreated} people created; article ${report.story.documentId}`);
}).then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`seed failed: ${error.message}`);
    process.exit(1);
  },
);
