/** Ties in a ranking go by documentId in code-unit order: the same on every host, where a collator follows the host's locale. */
export function byDocumentId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
