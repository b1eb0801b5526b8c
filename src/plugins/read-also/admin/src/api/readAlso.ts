/** The only place the admin panel knows the plugin's URLs; typed by the server's route contracts. */
import { useMemo } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type {
  AcceptSuggestion,
  GetFollowUps,
  GetLinks,
  GetSuggestions,
  ListFollowUps,
  PlaceLink,
  RejectSuggestion,
  SearchArticles,
  SetLinkTarget,
} from '../../../shared/contracts/suggestions';

const base = '/read-also';

export function useReadAlsoApi() {
  const { get, post, put } = useFetchClient();
  return useMemo(
    () => ({
      suggestions: async (documentId: string, locale?: string) =>
        (await get<GetSuggestions.Response>(`${base}/articles/${documentId}/suggestions`, { params: { locale } })).data,
      links: async (documentId: string, locale?: string) =>
        (await get<GetLinks.Response>(`${base}/articles/${documentId}/links`, { params: { locale } })).data,
      accept: async (documentId: string, targetId: string, locale: string | undefined, publish: boolean) =>
        (
          await post<AcceptSuggestion.Response>(
            `${base}/articles/${documentId}/suggestions/${targetId}/accept`,
            { publish },
            { params: { locale } },
          )
        ).data,
      reject: async (documentId: string, targetId: string, locale?: string) =>
        (await post<RejectSuggestion.Response>(`${base}/articles/${documentId}/suggestions/${targetId}/reject`, {}, { params: { locale } }))
          .data,
      search: async (q: string, locale?: string) =>
        (await get<SearchArticles.Response>(`${base}/articles/search`, { params: { q, locale } })).data,
      setTarget: async (linkId: string, targetId: string, locale?: string) =>
        (await put<SetLinkTarget.Response>(`${base}/links/${linkId}/target`, { targetId, locale })).data,
      followUps: async (documentId: string, locale?: string) =>
        (await get<GetFollowUps.Response>(`${base}/articles/${documentId}/follow-ups`, { params: { locale } })).data,
      waitingFollowUps: async (locale?: string) => (await get<ListFollowUps.Response>(`${base}/follow-ups`, { params: { locale } })).data,
      place: async (linkId: string, placement: PlaceLink.Request['body']) =>
        (await put<PlaceLink.Response>(`${base}/links/${linkId}/place`, placement)).data,
    }),
    [get, post, put],
  );
}

export type ReadAlsoApi = ReturnType<typeof useReadAlsoApi>;
