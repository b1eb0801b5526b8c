/**
 * upload, extended: listing and reading files through the content API is for full-access
 * tokens only (see the preview-only policy); uploading and deleting keep their permissions.
 * A file's `related` (every document using it, drafts included) is private, so populating a
 * published person's photo cannot reach the drafts that share it.
 */
type Route = { handler: string; config?: { policies?: unknown[] } & Record<string, unknown> };
type UploadPlugin = {
  routes: { 'content-api': { routes: Route[] } };
  contentTypes: { file: { schema: { attributes: { related: { private?: boolean } } } } };
};

export const FILE_READ_HANDLERS = ['content-api.find', 'content-api.findPage', 'content-api.findOne'];

export default (plugin: UploadPlugin): UploadPlugin => {
  const contentApi = plugin.routes['content-api'];
  contentApi.routes = contentApi.routes.map((route) =>
    FILE_READ_HANDLERS.includes(route.handler)
      ? { ...route, config: { ...route.config, policies: [...(route.config?.policies ?? []), 'global::preview-only'] } }
      : route,
  );
  plugin.contentTypes.file.schema.attributes.related.private = true;
  return plugin;
};
