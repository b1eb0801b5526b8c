/**
 * A story's quotes as editors check them: in reading order, with who said them (or a clear
 * "no speaker"), and the one change editors make most, setting the speaker. Like every edit,
 * it goes into the quote's draft and reaches readers when published (at once only if asked).
 */
import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { PERSON, QUOTE } from '../../../content-types';

const named = z.object({ documentId: z.string(), name: z.string() }).nullable().default(null);
const quoteRow = z.object({
  documentId: z.string(),
  text: z.string(),
  paragraph: z.number().nullable(),
  attribution: z.string().nullable(),
  speaker: named,
  speaksFor: named,
  speakerOrganisation: named,
});
type QuoteRow = z.infer<typeof quoteRow>;
const publishedSpeaker = z.object({ speaker: z.object({ documentId: z.string() }).nullable().default(null) }).nullable();
const ownerRow = z.object({ article: z.object({ documentId: z.string(), locale: z.string() }).nullable().default(null) }).nullable();

export type Named = { documentId: string; name: string };
export type QuoteState = {
  documentId: string;
  text: string;
  paragraph: number | null;
  attribution: string | null;
  speaker: Named | null;
  speaksFor: Named | null;
  organisation: Named | null;
  /** Whether readers see this quote's speaker as shown: false while a change waits in the draft. */
  published: boolean;
};

const NAMED = { select: ['documentId', 'name'] };

export const createQuoteDesk = (strapi: Core.Strapi) => {
  async function stateOf(row: QuoteRow): Promise<QuoteState> {
    const live = publishedSpeaker.parse(
      await strapi.db.query(QUOTE).findOne({
        where: { documentId: row.documentId, publishedAt: { $notNull: true } },
        populate: { speaker: { select: ['documentId'] } },
      }),
    );
    return {
      documentId: row.documentId,
      text: row.text,
      paragraph: row.paragraph,
      attribution: row.attribution,
      speaker: row.speaker,
      speaksFor: row.speaksFor,
      organisation: row.speakerOrganisation,
      published: live !== null && (live.speaker?.documentId ?? null) === (row.speaker?.documentId ?? null),
    };
  }

  async function draftRows(where: object): Promise<QuoteRow[]> {
    return z.array(quoteRow).parse(
      await strapi.db.query(QUOTE).findMany({
        where: { ...where, publishedAt: null },
        populate: { speaker: NAMED, speaksFor: NAMED, speakerOrganisation: NAMED },
        orderBy: [{ id: 'asc' }],
      }),
    );
  }

  const desk = {
    /** The article's quotes as its draft has them, in reading order. */
    async quotesOf(articleId: string, locale: string): Promise<QuoteState[]> {
      // Quotes without a paragraph last, whatever the database's order for nulls.
      const rows = (await draftRows({ article: { documentId: articleId, locale } })).sort(
        (a, b) => (a.paragraph ?? Number.MAX_SAFE_INTEGER) - (b.paragraph ?? Number.MAX_SAFE_INTEGER),
      );
      return Promise.all(rows.map(stateOf));
    },

    /** The article (and locale) a quote belongs to. */
    async articleOf(quoteId: string): Promise<{ documentId: string; locale: string }> {
      const row = ownerRow.parse(
        await strapi.db
          .query(QUOTE)
          .findOne({ where: { documentId: quoteId, publishedAt: null }, populate: { article: { select: ['documentId', 'locale'] } } }),
      );
      if (!row) throw new errors.NotFoundError(`No quote ${quoteId}`);
      if (!row.article) throw new errors.ValidationError(`Quote ${quoteId} belongs to no article`);
      return row.article;
    },

    /** Sets (or clears, with null) who said the quote, in its draft; published at once only if asked and the quote is live. */
    async setSpeaker(quoteId: string, personId: string | null, change: { publish: boolean }): Promise<QuoteState> {
      if (personId !== null && (await strapi.db.query(PERSON).count({ where: { documentId: personId } })) === 0) {
        throw new errors.ValidationError(`personId: no person ${personId}`);
      }
      await strapi.documents(QUOTE).update({ documentId: quoteId, data: { speaker: personId === null ? null : { documentId: personId } } });
      const live = await strapi.db.query(QUOTE).count({ where: { documentId: quoteId, publishedAt: { $notNull: true } } });
      if (change.publish && live > 0) await strapi.documents(QUOTE).publish({ documentId: quoteId });
      const [row] = await draftRows({ documentId: quoteId });
      if (!row) throw new errors.NotFoundError(`No quote ${quoteId}`);
      return stateOf(row);
    },

    /** People by name, for picking a speaker. */
    async findPeople(text: string): Promise<Named[]> {
      return z.array(z.object({ documentId: z.string(), name: z.string() })).parse(
        await strapi.db.query(PERSON).findMany({
          where: { publishedAt: null, name: { $containsi: text } },
          select: ['documentId', 'name'],
          orderBy: { name: 'asc' },
          limit: 10,
        }),
      );
    },
  };
  return desk;
};

export type QuoteDesk = ReturnType<typeof createQuoteDesk>;

export default factories.createCoreService(QUOTE, ({ strapi }) => createQuoteDesk(strapi));
