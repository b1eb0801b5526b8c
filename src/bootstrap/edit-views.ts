/**
 * Sets the Content Manager's views of the newsroom's types (edit-views.json) once per type
 * and version: a marker in the store, so what an admin later changes in "Configure the view"
 * is never undone. The Content Manager creates a default configuration before the app
 * bootstraps, so its presence says nothing; the marker does.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import editViews from './edit-views.json';

const fieldSchema = z.object({
  en: z.tuple([z.string(), z.string()]),
  fr: z.tuple([z.string(), z.string()]),
  editable: z.boolean().optional(),
  visible: z.boolean().optional(),
  mainField: z.string().optional(),
});
const viewSchema = z.object({
  rows: z.array(z.array(z.string()).min(1)),
  list: z.array(z.string()),
  mainField: z.string().optional(),
  fields: z.record(fieldSchema),
});
export const EDIT_VIEWS = z.object({ version: z.number().int(), views: z.record(viewSchema) }).parse(editViews);
export type EditView = z.infer<typeof viewSchema>;

/** Types the edit view lays out full width only, as the Content Manager does. */
const FULL_WIDTH_TYPES = new Set(['json', 'blocks', 'richtext', 'component', 'dynamiczone']);

const metadataSchema = z.object({ edit: z.record(z.unknown()).default({}), list: z.record(z.unknown()).default({}) }).passthrough();
const configurationSchema = z
  .object({
    settings: z.record(z.unknown()).default({}),
    metadatas: z.record(metadataSchema).default({}),
    layouts: z
      .object({ edit: z.array(z.array(z.object({ name: z.string(), size: z.number() }))), list: z.array(z.string()) })
      .passthrough(),
  })
  .passthrough();
export type ViewConfiguration = z.infer<typeof configurationSchema>;
type Attributes = Record<string, { type: string }>;

/** Rows as the Content Manager stores them: sizes out of 12, a full-width field alone on its row. */
export function editRows(view: EditView, attributes: Attributes): { name: string; size: number }[][] {
  const rows: { name: string; size: number }[][] = [];
  for (const row of view.rows) {
    const fields = row.filter((name) => name in attributes && view.fields[name]?.visible !== false);
    const full = fields.filter((name) => FULL_WIDTH_TYPES.has(attributes[name].type));
    for (const name of full) rows.push([{ name, size: 12 }]);
    const shared = fields.filter((name) => !full.includes(name));
    if (shared.length > 0) rows.push(shared.map((name) => ({ name, size: Math.floor(12 / shared.length) })));
  }
  return rows;
}

/** The stored configuration with the newsroom's view laid over it; fields the view does not name keep theirs. */
export function withNewsroomView(current: ViewConfiguration, view: EditView, attributes: Attributes): ViewConfiguration {
  const metadatas = { ...current.metadatas };
  for (const [name, field] of Object.entries(view.fields)) {
    if (!(name in attributes)) continue;
    const existing = metadatas[name] ?? { edit: {}, list: {} };
    const [label, description] = field.en;
    metadatas[name] = {
      ...existing,
      edit: {
        ...existing.edit,
        label,
        description,
        ...(field.editable === undefined ? {} : { editable: field.editable }),
        ...(field.visible === undefined ? {} : { visible: field.visible }),
        ...(field.mainField ? { mainField: field.mainField } : {}),
      },
      list: { ...existing.list, label, ...(field.mainField ? { mainField: field.mainField } : {}) },
    };
  }
  const placed = new Set(view.rows.flat());
  // Fields the view leaves out (new ones, say) follow at the end rather than vanish.
  const others = current.layouts.edit.flat().filter((field) => !placed.has(field.name) && view.fields[field.name]?.visible !== false);
  return {
    ...current,
    settings: { ...current.settings, ...(view.mainField ? { mainField: view.mainField } : {}) },
    metadatas,
    layouts: {
      ...current.layouts,
      edit: [...editRows(view, attributes), ...others.map((field) => [field])],
      list: view.list.filter((name) => name in attributes),
    },
  };
}

export async function configureEditViewsOnce(strapi: Core.Strapi): Promise<string[]> {
  const store = strapi.store({ type: 'app', name: 'newsdesk' });
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const configured: string[] = [];
  for (const [uid, view] of Object.entries(EDIT_VIEWS.views)) {
    const marker = `edit-view:${uid}:v${EDIT_VIEWS.version}`;
    const schema = Object.values(strapi.contentTypes).find((contentType) => contentType.uid === uid);
    if (!schema || (await store.get({ key: marker }))) continue;
    const contentType = contentTypes.findContentType(uid);
    const current = configurationSchema.parse(await contentTypes.findConfiguration(contentType));
    await contentTypes.updateConfiguration(contentType, withNewsroomView(current, view, schema.attributes));
    await store.set({ key: marker, value: true });
    configured.push(uid);
  }
  return configured;
}
