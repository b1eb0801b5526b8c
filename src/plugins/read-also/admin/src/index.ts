import { PLUGIN_ID } from './pluginId';
import { ReadAlsoPanel } from './components/ReadAlsoPanel';

type Translations = Record<string, string>;

const prefixed = (data: Translations): Translations =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

type AdminApp = {
  registerPlugin(plugin: { id: string; name: string }): void;
  getPlugin(id: string): { apis: { addEditViewSidePanel?: (panels: unknown[]) => void } };
};

export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
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
