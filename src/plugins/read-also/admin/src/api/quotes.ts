/** The panel's Quotes section's URLs, typed by the server's route contracts. */
import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { GetQuotes, SearchPeople, SetQuoteSpeaker } from '../../../shared/contracts/quotes';

const base = '/read-also';

export function useQuotesApi() {
  const { get, put } = useFetchClient();
  return useMemo(
    () => ({
      quotes: async (documentId: string, locale?: string) =>
        (await get<GetQuotes.Response>(`${base}/articles/${documentId}/quotes`, { params: { locale } })).data,
      people: async (q: string) => (await get<SearchPeople.Response>(`${base}/people/search`, { params: { q } })).data,
      setSpeaker: async (quoteId: string, personId: string | null, publish: boolean) =>
        (await put<SetQuoteSpeaker.Response>(`${base}/quotes/${quoteId}/speaker`, { personId, publish })).data,
    }),
    [get, put],
  );
}
