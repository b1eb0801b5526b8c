/**
 * Synthetic news archives of any size, drawn from a real corpus: titles and paragraphs
 * are sentences of the source's articles, grouped by topic so that related stories exist,
 * with people mentioned and quoted per topic. Deterministic for a given seed. Pure.
 */
export type SourceArticle = { group: number; title: string; text: string };

export type SyntheticArticle = {
  title: string;
  paragraphs: string[];
  topic: number;
  /** Indexes into the people pool. */
  people: number[];
  speakers: number[];
  quotes: { text: string; speaker: number }[];
  storyTime: number;
};

/** mulberry32: small, fast, good enough to draw test data reproducibly. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/u)
    .flatMap((paragraph) => paragraph.match(/[^.!?]+[.!?]+/gu) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/u).length >= 6 && sentence.length <= 400 && !/^(read more|related)/iu.test(sentence));
}

const FIRST = [
  'Anna',
  'Marc',
  'Olena',
  'David',
  'Sofia',
  'Jean',
  'Maria',
  'Omar',
  'Lucie',
  'Peter',
  'Ines',
  'Karim',
  'Julia',
  'Tomas',
  'Elena',
  'Paul',
];
const LAST = [
  'Kovalenko',
  'Tremblay',
  'Garcia',
  'Martin',
  'Nguyen',
  'Schmidt',
  'Rossi',
  'Dubois',
  'Silva',
  'Novak',
  'Haddad',
  'Larsen',
  'Moreau',
  'Ivanova',
  'Kim',
  'Osei',
];

export function personName(index: number): string {
  return `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]}${index >= FIRST.length * LAST.length ? ` ${Math.floor(index / (FIRST.length * LAST.length)) + 1}` : ''}`;
}

export function createGenerator(source: SourceArticle[], options: { seed?: number; people?: number; start?: number } = {}) {
  const byTopic = new Map<number, string[]>();
  for (const article of source) {
    byTopic.set(article.group, [...(byTopic.get(article.group) ?? []), ...sentencesOf(article.text)]);
  }
  const topics = [...byTopic.keys()].filter((topic) => (byTopic.get(topic) as string[]).length >= 10);
  const peopleCount = options.people ?? 400;
  const start = options.start ?? Date.UTC(2024, 0, 1);
  const next = random(options.seed ?? 42);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  // Each topic has its own cast, as a beat has its regulars.
  const castOf = (topic: number) => Array.from({ length: 8 }, (_, i) => (topic * 37 + i * 11) % peopleCount);

  return {
    topics: topics.length,
    people: peopleCount,
    article(index: number): SyntheticArticle {
      const topic = pick(topics);
      const sentences = byTopic.get(topic) as string[];
      const paragraphs = Array.from({ length: 6 + Math.floor(next() * 10) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(sentences)).join(' '),
      );
      const title = pick(sentences)
        .split(/\s+/u)
        .slice(0, 12)
        .join(' ')
        .replace(/[,.;:!?]+$/u, '');
      const cast = castOf(topic);
      const people = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(cast)))];
      const quotes = next() < 0.6 ? [{ text: pick(sentences), speaker: people[0] }] : [];
      return {
        title: `${title} (${index})`,
        paragraphs,
        topic,
        people,
        speakers: quotes.map((quote) => quote.speaker),
        quotes,
        // Two years of stories, a few hours apart.
        storyTime: start + Math.floor(next() * 730 * 24 * 3600 * 1000),
      };
    },
  };
}
