/** Frontend-ready outputs of a published article; Public and Authenticated may read them like the article itself. */
export default {
  routes: [
    { method: 'GET', path: '/articles/:documentId/jsonld', handler: 'api::article.article.jsonld', config: {} },
    { method: 'GET', path: '/articles/:documentId/ninjs', handler: 'api::article.article.ninjs', config: {} },
  ],
};
