import { ACTIONS } from '../../../shared/constants';

const requires = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

const admin = {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/articles/:documentId/suggestions', handler: 'admin.suggestions', config: requires(ACTIONS.read) },
    { method: 'GET', path: '/articles/search', handler: 'admin.search', config: requires(ACTIONS.read) },
    { method: 'GET', path: '/articles/:documentId/links', handler: 'admin.links', config: requires(ACTIONS.read) },
    { method: 'PUT', path: '/links/:linkId/target', handler: 'admin.setTarget', config: requires(ACTIONS.manage) },
    { method: 'PUT', path: '/links/:linkId/place', handler: 'admin.place', config: requires(ACTIONS.manage) },
    { method: 'GET', path: '/articles/:documentId/follow-ups', handler: 'followUps.forArticle', config: requires(ACTIONS.read) },
    { method: 'GET', path: '/follow-ups', handler: 'followUps.waiting', config: requires(ACTIONS.read) },
    { method: 'GET', path: '/articles/:documentId/quotes', handler: 'quotes.list', config: requires(ACTIONS.read) },
    { method: 'PUT', path: '/quotes/:quoteId/speaker', handler: 'quotes.setSpeaker', config: requires(ACTIONS.manage) },
    { method: 'GET', path: '/people/search', handler: 'quotes.people', config: requires(ACTIONS.read) },
    {
      method: 'POST',
      path: '/articles/:documentId/suggestions/:targetId/accept',
      handler: 'admin.accept',
      config: requires(ACTIONS.manage),
    },
    {
      method: 'POST',
      path: '/articles/:documentId/suggestions/:targetId/reject',
      handler: 'admin.reject',
      config: requires(ACTIONS.manage),
    },
  ],
};

// Served at /api/read-also/...; the users-permissions and API-token checks apply (closed to Public by default).
const contentApi = {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/articles/:documentId/suggestions', handler: 'suggestions.find', config: {} }],
};

export default { admin, 'content-api': contentApi };
