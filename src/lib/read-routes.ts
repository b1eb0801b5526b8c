/** Read routes of every Newsdesk content type serve published content only (see the published-only policy). */
export const readRouteConfig = {
  find: { policies: ['global::published-only'] },
  findOne: { policies: ['global::published-only'] },
};
