/**
 * The French side of edit-views.json for the admin: field labels under the Content Manager's
 * own ids, and descriptions under an id made from their English text, so a description an
 * admin rewrites in "Configure the view" shows as written, in every language.
 */
import editViews from '../bootstrap/edit-views.json';

type Field = { en: string[]; fr: string[] };
const views: Record<string, { fields: Record<string, Field> }> = editViews.views;

export const descriptionId = (english: string) => `newsdesk.description.${english}`;

export function frenchEditViewTranslations(): Record<string, string> {
  const translations: Record<string, string> = {};
  for (const [uid, view] of Object.entries(views)) {
    for (const [name, field] of Object.entries(view.fields)) {
      const [frenchLabel, frenchDescription] = field.fr;
      const englishDescription = field.en[1];
      translations[`content-manager.content-types.${uid}.${name}`] = frenchLabel;
      if (englishDescription && frenchDescription) translations[descriptionId(englishDescription)] = frenchDescription;
    }
  }
  return translations;
}
