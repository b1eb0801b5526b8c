/**
 * Field rules the content model needs beyond what schema.json can say. Pure: each
 * function takes the data a client sent and returns the problems, never throws,
 * so the Document Service middleware can turn them into one 400 naming the fields.
 */
import { z } from 'zod';

export type FieldProblem = { path: string; message: string };

/** What a relation value in a Document Service write says about the relation afterwards. */
export type RelationIntent = 'unchanged' | 'empty' | 'set';

type Data = Record<string, unknown>;

const nameList = z.array(z.string().trim().min(1).max(200)).max(100);

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function requireText(data: Data, field: string, creating: boolean, message: string): FieldProblem[] {
  const present = field in data;
  if ((creating || present) && isBlank(data[field])) return [{ path: field, message }];
  if (present && typeof data[field] !== 'string') return [{ path: field, message: `${field} must be text` }];
  return [];
}

function checkNameList(data: Data, field: string): FieldProblem[] {
  if (data[field] === undefined || data[field] === null) return [];
  return nameList.safeParse(data[field]).success
    ? []
    : [{ path: field, message: `${field} must be a list of non-empty names (at most 100, each up to 200 characters)` }];
}

export function articleProblems(data: Data, creating: boolean): FieldProblem[] {
  return [...requireText(data, 'title', creating, 'title is required: an article needs a headline'), ...checkNameList(data, 'tags')];
}

export function personProblems(data: Data, creating: boolean): FieldProblem[] {
  return [...requireText(data, 'name', creating, 'name is required'), ...checkNameList(data, 'aliases')];
}

export function organisationProblems(data: Data, creating: boolean): FieldProblem[] {
  return [...requireText(data, 'name', creating, 'name is required'), ...checkNameList(data, 'aliases')];
}

export function quoteProblems(data: Data, creating: boolean): FieldProblem[] {
  return requireText(data, 'text', creating, 'text is required: a quote needs its words');
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * A related link points at an internal article or at an external URL, or at nothing
 * yet (an imported headline waiting for an editor), never at both.
 */
export function relatedLinkProblems(data: Data, creating: boolean, after: { hasUrl: boolean; hasTarget: boolean }): FieldProblem[] {
  const problems = requireText(data, 'label', creating, 'label is required: readers need the words of the link');
  const url = data.url;
  if (typeof url === 'string' && url.trim() !== '' && !isHttpUrl(url.trim())) {
    problems.push({ path: 'url', message: 'url must be an absolute http:// or https:// address' });
  } else if (url !== undefined && url !== null && typeof url !== 'string') {
    problems.push({ path: 'url', message: 'url must be text' });
  }
  if (after.hasUrl && after.hasTarget) {
    problems.push({
      path: 'targetArticle',
      message: 'targetArticle and url: a related link points at an internal article or an external url, not both',
    });
  }
  return problems;
}

/** Reads the many shapes a relation can take in a Document Service write. */
export function relationIntent(value: unknown): RelationIntent {
  if (value === undefined) return 'unchanged';
  if (value === null) return 'empty';
  if (typeof value === 'string' || typeof value === 'number') return 'set';
  if (Array.isArray(value)) return value.length > 0 ? 'set' : 'empty';
  if (typeof value === 'object') {
    const operations = value as { set?: unknown; connect?: unknown; disconnect?: unknown; documentId?: unknown; id?: unknown };
    if (operations.documentId !== undefined || operations.id !== undefined) return 'set';
    if (operations.set !== undefined) return relationIntent(operations.set) === 'set' ? 'set' : 'empty';
    if (operations.connect !== undefined && relationIntent(operations.connect) === 'set') return 'set';
    if (operations.disconnect !== undefined && relationIntent(operations.disconnect) === 'set') return 'empty';
  }
  return 'unchanged';
}
