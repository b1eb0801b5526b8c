/** The app's custom fields (registered by name on both sides: src/index.ts and src/admin/app.tsx). */
export const TAGS_FIELD = 'tags';
