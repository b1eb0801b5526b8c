/**
 * Where a "Read also" link stands in its story: after which paragraph (0 = before the
 * first, n = after paragraph n, null = at the end) and in which order among the links there.
 * Pure: plain data in, plain data out.
 */
import { blocksToText } from './blocks';

export type Place = { afterParagraph: number | null; order: number };
export type PlacedLink = Place & { documentId: string };

/** The story's paragraphs as the output formats count them: one per block, empty blocks left out. */
export function storyParagraphs(body: unknown): string[] {
  if (!Array.isArray(body)) return [];
  return body.map((block) => blocksToText([block])).filter((paragraph) => paragraph.trim() !== '');
}

/** The first words of a paragraph, to recognise it by: "Canada announced military aid for…". */
export function firstWords(paragraph: string, count = 8): string {
  const words = paragraph.trim().split(/\s+/u);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

/** Links in the order a reader meets them: by paragraph (the end last), then by order. */
export function compareReadingOrder(a: Place, b: Place): number {
  return (a.afterParagraph ?? Number.MAX_SAFE_INTEGER) - (b.afterParagraph ?? Number.MAX_SAFE_INTEGER) || a.order - b.order;
}

/** Why a place cannot be had in a story of `paragraphCount` paragraphs, or null when it can. */
export function placeProblem(afterParagraph: number | null, paragraphCount: number): string | null {
  if (afterParagraph === null) return null;
  if (!Number.isInteger(afterParagraph) || afterParagraph < 0 || afterParagraph > paragraphCount) {
    const plural = paragraphCount === 1 ? 'paragraph' : 'paragraphs';
    return `afterParagraph: the story has ${paragraphCount} ${plural}: use 0 (before the first) to ${paragraphCount}, or null for the end`;
  }
  return null;
}

/**
 * The orders after moving `linkId` to `afterParagraph` at position `order` (the end of
 * that paragraph's links when undefined or beyond it): the links of the paragraph it
 * leaves and of the one it joins are numbered 0..k again. Returns the links whose place changes.
 */
export function placeAmong(links: PlacedLink[], linkId: string, afterParagraph: number | null, order?: number): PlacedLink[] {
  const moving = links.find((link) => link.documentId === linkId);
  if (!moving) throw new Error(`No link ${linkId} among the article's links`);
  const groupOf = (place: number | null) =>
    links.filter((link) => link.afterParagraph === place && link.documentId !== linkId).sort(compareReadingOrder);

  const joined = groupOf(afterParagraph);
  const at = Math.min(order ?? joined.length, joined.length);
  joined.splice(at, 0, moving);
  const next = new Map<string, Place>(joined.map((link, index) => [link.documentId, { afterParagraph, order: index }]));
  if (moving.afterParagraph !== afterParagraph) {
    groupOf(moving.afterParagraph).forEach((link, index) =>
      next.set(link.documentId, { afterParagraph: moving.afterParagraph, order: index }),
    );
  }
  return links.flatMap((link) => {
    const place = next.get(link.documentId);
    const moved = place !== undefined && (place.afterParagraph !== link.afterParagraph || place.order !== link.order);
    return moved ? [{ documentId: link.documentId, ...place }] : [];
  });
}

/** The order after the links already at that place. */
export function nextOrderAt(links: Place[], afterParagraph: number | null): number {
  return links.filter((link) => link.afterParagraph === afterParagraph).reduce((max, link) => Math.max(max, link.order + 1), 0);
}
