import { EDIT_VIEWS, editRows, withNewsroomView, type ViewConfiguration } from '../../../src/bootstrap/edit-views';
import { ARTICLE } from '../../../src/content-types';
import articleSchema from '../../../src/api/article/content-types/article/schema.json';

const attributes: Record<string, { type: string }> = articleSchema.attributes;
const articleView = EDIT_VIEWS.views[ARTICLE];

function defaultConfiguration(): ViewConfiguration {
  const names = Object.keys(attributes);
  return {
    settings: { mainField: 'title', pageSize: 10 },
    metadatas: Object.fromEntries(
      names.map((name) => [name, { edit: { label: name, description: '', editable: true, visible: true }, list: { label: name } }]),
    ),
    layouts: { edit: names.map((name) => [{ name, size: 6 }]), list: ['id', 'title'] },
  };
}

describe('the newsroom edit views', () => {
  test('every field each view names exists on its type, and every type field is placed or hidden', () => {
    for (const [uid, view] of Object.entries(EDIT_VIEWS.views)) {
      const folder = uid.split('.')[1];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const schema: { attributes: Record<string, unknown> } = require(`../../../src/api/${folder}/content-types/${folder}/schema.json`);
      const named = [...view.rows.flat(), ...Object.keys(view.fields), ...view.list];
      expect(named.filter((name) => !(name in schema.attributes))).toEqual([]);
      const placedOrHidden = new Set([
        ...view.rows.flat(),
        ...Object.entries(view.fields)
          .filter(([, field]) => field.visible === false)
          .map(([name]) => name),
      ]);
      expect(Object.keys(schema.attributes).filter((name) => !placedOrHidden.has(name))).toEqual([]);
      for (const field of Object.values(view.fields)) expect(field.fr[0]).not.toBe('');
    }
  });

  test('an article reads headline, standfirst and story first, then metadata, then people, quotes and links', () => {
    const rows = editRows(articleView, attributes).map((row) => row.map((field) => field.name));
    expect(rows.slice(0, 3)).toEqual([['title'], ['standfirst'], ['body']]);
    expect(rows.flat().indexOf('people')).toBeGreaterThan(rows.flat().indexOf('sourceId'));
    expect(rows.flat()).not.toContain('importChecksum');
  });

  test('full-width fields stand alone and shared rows fit in twelve columns', () => {
    for (const row of editRows(articleView, attributes)) {
      expect(row.reduce((sum, field) => sum + field.size, 0)).toBeLessThanOrEqual(12);
      if (row.some((field) => ['json', 'blocks', 'customField'].includes(attributes[field.name].type) && field.size === 12))
        expect(row).toHaveLength(1);
    }
    expect(editRows(articleView, attributes)).toContainEqual([{ name: 'body', size: 12 }]);
  });

  test('labels, read-only system fields and the fields that name relations are laid over the stored view', () => {
    const configured = withNewsroomView(defaultConfiguration(), articleView, attributes);
    expect(configured.metadatas.storyPublishedAt.edit).toMatchObject({ label: 'Filed at', editable: true });
    expect(configured.metadatas.sourceId.edit).toMatchObject({ label: 'Wire ID', editable: false });
    expect(configured.metadatas.importChecksum.edit).toMatchObject({ editable: false, visible: false });
    expect(configured.metadatas.quotes.edit).toMatchObject({ mainField: 'text' });
    expect(configured.metadatas.people.edit).toMatchObject({ mainField: 'name' });
    expect(configured.settings).toMatchObject({ pageSize: 10 });
    expect(configured.layouts.list).toEqual(['title', 'storyPublishedAt', 'section', 'source']);
  });

  test('a field the view does not know keeps its place at the end instead of vanishing', () => {
    const current = defaultConfiguration();
    current.layouts.edit.push([{ name: 'newField', size: 6 }]);
    const configured = withNewsroomView(current, articleView, { ...attributes, newField: { type: 'string' } });
    expect(configured.layouts.edit.at(-1)).toEqual([{ name: 'newField', size: 6 }]);
  });
});
