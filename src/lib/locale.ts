import { z } from 'zod';

/** A locale code in a request ("en", "fr", "fr-CA"): anything else is refused before any query. */
export const localeCode = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/u, 'locale must be a locale code such as "en" or "fr"');
