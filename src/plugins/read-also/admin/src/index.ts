import type { ComponentType, ElementType } from 'react';
import { Link } from '@strapi/icons';
import { PERMISSIONS, PLUGIN_ID, t } from './pluginId';
import { ReadAlsoPanel } from './components/ReadAlsoPanel';

type Translations = Record<string, string>;

const prefixed = (data: Translations): Translations =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

type AdminApp = {
  registerPlugin(plugin: { id: string; name: string }): void;
  addMenuLink(link: {
    to: string;
    icon: ElementType;
    intlLabel: { id: string; defaultMessage: string };
    permissions: { action: string; subject: null }[];
    Component: () => Promise<{ default: ComponentType }>;
  }): void;
  getPlugin(id: string): { apis: { addEditViewSidePanel?: (panels: unknown[]) => void } };
};

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    // The follow-ups waiting for a decision, newsroom-wide: a work list beside the Content Manager.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Link,
      intlLabel: { id: t('followUps.menu'), defaultMessage: 'Follow-ups' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/FollowUpsPage'),
    });
  },

  bootstrap(app: AdminApp) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel?.([ReadAlsoPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Translations };
          return { data: prefixed(data), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
