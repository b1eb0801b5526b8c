/** Typed input for Document Service writes. */
import type { Modules, UID } from '@strapi/strapi';

export type DocumentInput<T extends UID.ContentType> = Modules.Documents.Params.Data.Input<T>;
type Nullable<T> = { [K in keyof T]?: T[K] | null };

/** Strapi's generated input types leave out null, though null is how the Document Service clears a field: the one place that widens them. */
export function documentInput<T extends UID.ContentType>(_uid: T, data: Nullable<DocumentInput<T>>): DocumentInput<T> {
  return data as DocumentInput<T>;
}
