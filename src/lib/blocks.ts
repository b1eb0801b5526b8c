/** Strapi's Blocks rich text as plain text. */

/** Plain text of Strapi blocks: paragraphs, headings, lists, quotes, one line per block. */
export function blocksToText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return typeof blocks === 'string' ? blocks : '';
  const lines: string[] = [];
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const { text, children } = node as { text?: unknown; children?: unknown };
    if (typeof text === 'string') return text;
    return Array.isArray(children) ? children.map(walk).join('') : '';
  };
  for (const block of blocks) lines.push(walk(block));
  return lines.join('\n');
}
