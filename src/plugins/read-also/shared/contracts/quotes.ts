/** Routes of the panel's Quotes section, shared by the server's controller and the admin's API module. */

export type NamedDTO = { documentId: string; name: string };

export type QuoteDTO = {
  documentId: string;
  text: string;
  paragraph: number | null;
  attribution: string | null;
  /** null: the story does not say who spoke (or the importer could not tell). */
  speaker: NamedDTO | null;
  speaksFor: NamedDTO | null;
  organisation: NamedDTO | null;
  /** Whether readers see this speaker: false while a change waits in the draft for the next publish. */
  published: boolean;
};

/** GET /read-also/articles/:documentId/quotes?locale= (admin) */
export declare namespace GetQuotes {
  interface Request {
    params: { documentId: string };
    query: { locale?: string };
  }
  interface Response {
    data: QuoteDTO[];
  }
}

/** PUT /read-also/quotes/:quoteId/speaker (admin): `personId: null` clears it; `publish: true` needs the right to publish quotes. */
export declare namespace SetQuoteSpeaker {
  interface Request {
    params: { quoteId: string };
    body: { personId: string | null; publish?: boolean };
  }
  interface Response {
    data: QuoteDTO;
  }
}

/** GET /read-also/people/search?q= (admin): people by name, to pick a speaker */
export declare namespace SearchPeople {
  interface Request {
    query: { q: string };
  }
  interface Response {
    data: NamedDTO[];
  }
}
