/** The plugin's configuration: defaults, and a validator that names the bad key at start-up. */
import { z } from 'zod';

const weight = z.number().min(0).max(10);

export const readAlsoConfigSchema = z
  .object({
    /** Relative weight of each signal; recency (0..1) is the share of the score that decays with time. */
    weights: z
      .object({
        text: weight,
        people: weight,
        speakers: weight,
        tags: weight,
        section: weight,
        recency: z.number().min(0).max(1),
      })
      .strict(),
    /** How much a term counts in each field. */
    fieldWeights: z.object({ title: weight, standfirst: weight, body: weight }).strict(),
    /** Suggestions returned when a client does not ask for a number. */
    limit: z.number().int().min(1).max(50),
    /** The most a client may ask for. */
    maxLimit: z.number().int().min(1).max(100),
    minScore: z.number().min(0).max(1),
    /** Stories further apart than this many days are never suggested; null for no limit. */
    maxGapDays: z.number().positive().nullable(),
    recencyHalfLifeDays: z.number().positive(),
    /** How long a newer story that ranks an older one highly counts as a new follow-up, waiting for the older story's editors. */
    followUpDays: z.number().positive(),
    /** 'same': suggestions in the article's own locale; 'any': across locales. */
    localePolicy: z.enum(['same', 'any']),
    /** off: nothing automatic; suggest: suggestions are served; attach: publishing attaches the best ones. */
    autoMode: z.enum(['off', 'suggest', 'attach']),
    /** In attach mode, an article published with fewer links than this gets suggestions up to it. */
    attachUpTo: z.number().int().min(1).max(20),
    queryTerms: z.number().int().min(1).max(200),
    maxDocFrequency: z.number().min(0.001).max(1),
    /** Postings read per query term, strongest first: bounds the work for very common terms. */
    postingsPerTerm: z.number().int().min(10).max(100000),
    /** Candidates fully scored per request. */
    candidatePool: z.number().int().min(10).max(5000),
    /**
     * Suggestions kept in each article's prepared list: more than maxLimit, so rejections and
     * accepted links can be filtered out at read time without falling back to a live ranking.
     */
    preparedListSize: z.number().int().min(1).max(200),
    /**
     * Archives (per locale) smaller than this rank live on every read: it costs a few milliseconds
     * there, and each publish moves a small archive's document frequencies enough to change which
     * pairs match at all, which a prepared list would only learn at the next publish involving them.
     */
    preparedListsFrom: z.number().int().min(0),
    /**
     * Prepared lists kept scored in each process's memory, per article and locale, until the next
     * write they depend on (see services/suggestions.ts); 0 scores every read again.
     */
    cachedAnswers: z.number().int().min(0).max(1_000_000),
    /**
     * How long a process holds the queue entries it took: past that, another process takes what a
     * process that died left. Longer than a batch of 20 preparations takes.
     */
    queueLeaseSeconds: z.number().positive(),
    /** How often a process looks for queue entries it did not queue itself (another process's, or a crash's). */
    queueSweepSeconds: z.number().positive(),
    /** Worker threads that build profiles and rank during a full reindex, from one shared snapshot of the index; null for one per core. */
    reindexWorkers: z.number().int().min(1).max(64).nullable(),
    /**
     * Whether this process joins a full reindex another process runs, ranking pages of its lists
     * beside it (see reindex/shared-ranking.ts). It then holds its own copy of the index for the
     * while (about 2 GB at a million articles), so it is for processes sized for it, not every web node.
     */
    helpReindexes: z.boolean(),
  })
  .strict()
  .refine((config) => config.limit <= config.maxLimit, { message: 'limit must not exceed maxLimit', path: ['limit'] })
  .refine((config) => config.maxLimit <= config.preparedListSize, {
    message: 'preparedListSize must be at least maxLimit',
    path: ['preparedListSize'],
  });

export type ReadAlsoConfig = z.infer<typeof readAlsoConfigSchema>;

/**
 * Postings a full reindex stores per term: twice what a ranking reads, so that many of a term's
 * strongest articles can leave the archive before its weaker postings must be read back from the profiles.
 */
export function storedPostingsPerTerm(config: Pick<ReadAlsoConfig, 'postingsPerTerm'>): number {
  return 2 * config.postingsPerTerm;
}

export const defaultConfig: ReadAlsoConfig = {
  weights: { text: 0.6, people: 0.05, speakers: 0.1, tags: 0.1, section: 0.05, recency: 0.2 },
  fieldWeights: { title: 2, standfirst: 1.5, body: 1 },
  limit: 5,
  maxLimit: 20,
  // CNRec: 0.05 hides the weakest suggestions (a 4% one about another topic) at the same nDCG@5 and P@5; 0.1 costs both (npm run eval).
  minScore: 0.05,
  // No hard cut: background years old is often the best Read also; recency already weighs the score.
  maxGapDays: null,
  recencyHalfLifeDays: 30,
  followUpDays: 30,
  localePolicy: 'same',
  autoMode: 'suggest',
  attachUpTo: 3,
  queryTerms: 50,
  maxDocFrequency: 0.25,
  postingsPerTerm: 200,
  candidatePool: 200,
  preparedListSize: 30,
  preparedListsFrom: 1000,
  // About 12 kB each (30 scored suggestions with reasons): 24 MB at most.
  cachedAnswers: 2000,
  queueLeaseSeconds: 300,
  queueSweepSeconds: 30,
  reindexWorkers: null,
  helpReindexes: false,
};

export default {
  default: defaultConfig,
  validator(config: unknown) {
    const result = readAlsoConfigSchema.safeParse(config);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`read-also configuration: "${issue.path.join('.')}" ${issue.message}`);
    }
  },
};
