import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { StrapiApp } from '@strapi/strapi/admin';
import { descriptionId, frenchEditViewTranslations } from './edit-view-translations';
import { TAGS_FIELD } from '../custom-fields';
import french from './translations/fr.json';

type LayoutField = { hint?: ReactNode };
type EditLayout = { layout: LayoutField[][][] };

/** Descriptions become translatable: the English text is the id's key and the default. */
function translatableHints({ layout, ...rest }: { layout: EditLayout }) {
  const withHint = (field: LayoutField): LayoutField =>
    typeof field.hint === 'string' && field.hint !== ''
      ? { ...field, hint: <FormattedMessage id={descriptionId(field.hint)} defaultMessage={field.hint} /> }
      : field;
  return { ...rest, layout: { ...layout, layout: layout.layout.map((panel) => panel.map((row) => row.map(withHint))) } };
}

export default {
  config: {
    locales: ['fr'],
    translations: {
      // The newsroom's own strings, and the few of Strapi's admin that have no French yet.
      fr: { ...frenchEditViewTranslations(), ...french },
    },
    // The admin would otherwise fetch Strapi's release notes and tutorials from the internet.
    notifications: { releases: false },
    tutorials: false,
  },
  register(app: StrapiApp) {
    app.customFields.register({
      name: TAGS_FIELD,
      type: 'json',
      intlLabel: { id: 'newsdesk.tags.label', defaultMessage: 'Tags' },
      intlDescription: { id: 'newsdesk.tags.description', defaultMessage: 'A list of tags, typed one by one.' },
      components: { Input: async () => import('./components/TagsInput') },
    });
  },
  bootstrap(app: StrapiApp) {
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', translatableHints);
  },
};
