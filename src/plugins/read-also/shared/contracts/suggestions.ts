/**
 * One contract per route, shared by the server's controllers and the admin panel's API
 * module, so both halves agree on every request and response.
 */

import type { Reason } from '../reasons';

export type { Reason };

export type SuggestionSignals = { text: number; people: number; speakers: number; tags: number; section: number; recency: number };

export type SuggestionDTO = {
  documentId: string;
  title: string;
  slug: string | null;
  locale: string;
  /** Between 0 and 1. */
  score: number;
  /** Sentences in the article's language: "quotes Volodymyr Zelensky", "2 days earlier"; "cite …", "2 jours plus tôt". */
  reasons: string[];
  /** The same reasons as codes with parameters, for a client to render in its own language. */
  reasonCodes: Reason[];
  signals: SuggestionSignals;
};

export type LinkHealth = 'ok' | 'unresolved' | 'target-unpublished' | 'external';

export type RelatedLinkDTO = {
  documentId: string;
  label: string;
  origin: 'editor' | 'suggested' | 'imported';
  order: number;
  afterParagraph: number | null;
  url: string | null;
  target: { documentId: string; title: string; locale: string } | null;
  health: LinkHealth;
  score: number | null;
  reasons: string[] | null;
  /** Whether readers see this link now: false while it waits in the article's draft for the next publish. */
  published: boolean;
  /** Whether the draft has changes (a new place, a new target) readers see only from the article's next publish. */
  changesPending: boolean;
};

/** A paragraph of the article's draft, as links are placed after it: `number` counts from 1. */
export type ParagraphDTO = { number: number; firstWords: string };

type ErrorBody = { error: { status: number; name: string; message: string; details?: unknown } };

/** GET /read-also/articles/:documentId/suggestions (admin) and /api/read-also/articles/:documentId/suggestions */
export declare namespace GetSuggestions {
  interface Request {
    params: { documentId: string };
    query: { locale?: string; limit?: number | string };
  }
  interface Response {
    data: SuggestionDTO[];
    meta: { documentId: string; locale: string; limit: number };
  }
  type ErrorResponse = ErrorBody;
}

/** GET /read-also/articles/:documentId/links (admin) */
export declare namespace GetLinks {
  interface Request {
    params: { documentId: string };
    query: { locale?: string };
  }
  interface Response {
    /** In reading order: by paragraph (`afterParagraph` null, "at the end", last), then by `order`. */
    data: RelatedLinkDTO[];
    /** The story's paragraphs, to place links between: 0 = before the first, n = after paragraph n. */
    meta: { paragraphCount: number; paragraphs: ParagraphDTO[] };
  }
}

/** POST /read-also/articles/:documentId/suggestions/:targetId/accept (admin) */
export declare namespace AcceptSuggestion {
  interface Request {
    params: { documentId: string; targetId: string };
    query: { locale?: string };
    /** `publish: true` ("add and publish now") needs the permission to publish the article. */
    body: { publish?: boolean };
  }
  interface Response {
    data: RelatedLinkDTO;
  }
}

/** POST /read-also/articles/:documentId/suggestions/:targetId/reject (admin) */
export declare namespace RejectSuggestion {
  interface Request {
    params: { documentId: string; targetId: string };
    query: { locale?: string };
  }
  interface Response {
    data: { documentId: string; targetId: string; locale: string; rejected: true };
  }
}

export type ArticleHitDTO = { documentId: string; title: string; locale: string; slug: string | null };

/** GET /read-also/articles/search?q=&locale= (admin): published articles by title, for "Find article" */
export declare namespace SearchArticles {
  interface Request {
    query: { q: string; locale?: string };
  }
  interface Response {
    data: ArticleHitDTO[];
  }
}

/** PUT /read-also/links/:linkId/place (admin): move a link to another paragraph, or up or down among the links there */
export declare namespace PlaceLink {
  interface Request {
    params: { linkId: string };
    /**
     * `afterParagraph`: 0 (before the first paragraph) to the paragraph count, or null (at the end);
     * `order`: the rank among the links there, from 0 (the last when left out); the others are renumbered.
     * `publish: true` needs the permission to publish the link's article.
     */
    body: { afterParagraph: number | null; order?: number; publish?: boolean };
  }
  interface Response {
    data: RelatedLinkDTO;
    /** All the article's links after the move, in reading order. */
    meta: { links: RelatedLinkDTO[] };
  }
  type ErrorResponse = ErrorBody;
}

/** PUT /read-also/links/:linkId/target (admin): point a link (an unresolved imported headline) at an article */
export declare namespace SetLinkTarget {
  interface Request {
    params: { linkId: string };
    /** `publish: true` needs the permission to publish the link's article. */
    body: { targetId: string; locale?: string; publish?: boolean };
  }
  interface Response {
    data: RelatedLinkDTO;
  }
}

/** A newer published story that ranks this one among its best: a follow-up, scored as this article's suggestion. */
export type FollowUpDTO = SuggestionDTO & { storyPublishedAt: string };

/** An older published article with new follow-ups neither linked nor rejected by its editors yet. */
export type ArticleFollowUpsDTO = {
  documentId: string;
  locale: string;
  title: string;
  storyPublishedAt: string | null;
  /** Newest first. */
  followUps: Pick<FollowUpDTO, 'documentId' | 'title' | 'storyPublishedAt' | 'score'>[];
};

/** GET /read-also/articles/:documentId/follow-ups (admin): "Newer on this topic" */
export declare namespace GetFollowUps {
  interface Request {
    params: { documentId: string };
    query: { locale?: string };
  }
  interface Response {
    /** Newest first; accepting one goes through AcceptSuggestion. */
    data: FollowUpDTO[];
    meta: { documentId: string; locale: string };
  }
}

/** GET /read-also/follow-ups?locale= (admin): the articles with follow-ups waiting, the newest follow-up first */
export declare namespace ListFollowUps {
  interface Request {
    query: { locale?: string };
  }
  interface Response {
    data: ArticleFollowUpsDTO[];
    /** A follow-up is new for `days` days after its story's date; `truncated` when more articles wait than are listed. */
    meta: { days: number; truncated: boolean };
  }
}
