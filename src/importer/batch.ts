/** Imports many story files: each one all or nothing, a bad file never stopping the others. */
import type { Core } from '@strapi/strapi';
import { collectStoryPaths, readStoryFile } from './files';

import { createImportService, type ImportOptions, type ImportOutcome } from './service';

export type FileResult = { file: string } & ({ outcome: ImportOutcome } | { failure: string });

export type BatchSummary = {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  results: FileResult[];
};

export async function importFiles(
  strapi: Core.Strapi,
  inputs: string[],
  options: ImportOptions & { onFile?: (result: FileResult, done: number, total: number) => void; onTotal?: (total: number) => void } = {},
): Promise<BatchSummary> {
  const service = createImportService({ strapi });
  const { files, failures } = await collectStoryPaths(inputs);
  const total = files.length + failures.length;
  options.onTotal?.(total);
  const results: FileResult[] = [];
  const record = (result: FileResult) => {
    results.push(result);
    options.onFile?.(result, results.length, total);
  };
  for (const failure of failures) record({ file: failure.file, failure: failure.reason });

  for (const file of files) {
    const read = await readStoryFile(file);
    if ('reason' in read) {
      record({ file, failure: read.reason });
      continue;
    }
    try {
      const outcome = await service.importStory(read.story, { ...options, people: read.people });
      record({ file, outcome });
    } catch (error) {
      record({ file, failure: `import failed: ${(error as Error).message}` });
    }
  }

  const count = (status: string) => results.filter((result) => 'outcome' in result && result.outcome.status === status).length;
  return {
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    failed: results.filter((result) => 'failure' in result).length,
    results,
  };
}
