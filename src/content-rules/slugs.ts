import slugify from 'slugify';

const MAX_SLUG_LENGTH = 120;

/** A URL-safe slug: lower case, accents folded, words joined by hyphens. */
export function slugFrom(text: string): string {
  const slug = slugify(text, { lower: true, strict: true, trim: true, locale: 'en' }).slice(0, MAX_SLUG_LENGTH);
  return slug.replace(/-+$/, '') || 'untitled';
}

/** The first of `base`, `base-2`, `base-3`... that `isTaken` refuses. */
export async function firstFreeSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
