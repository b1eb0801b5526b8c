/**
 * Limits a GraphQL operation before Apollo validates or runs it. Strapi's depth limit
 * (graphql-depth-limit) recurses for ever on a fragment cycle or crashes on an unknown
 * fragment, both answering 500, and nothing bounds aliases: two thousand aliases of
 * `articles` are two thousand database queries. Pure: the global graphql-guard
 * middleware (src/middlewares) applies it to each request.
 */
import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';

export type GraphqlLimits = {
  /** Lexical tokens in the query text: bounds its size, huge literal lists and directive floods. */
  maxTokens: number;
  /** Fields selected at the top of an operation, aliases and fragments included: each is a query. */
  maxRootFields: number;
  /** Items in all the lists of the variables together (e.g. an `in` filter). */
  maxVariableListItems: number;
};

function fragmentProblem(document: DocumentNode): string | null {
  const spreads = new Map<string, string[]>();
  const collect = (selectionSet: SelectionSetNode | undefined, into: string[]) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) into.push(selection.name.value);
      else collect(selection.selectionSet, into);
    }
  };
  const operationSpreads: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const names: string[] = [];
      collect(definition.selectionSet, names);
      spreads.set(definition.name.value, names);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      collect(definition.selectionSet, operationSpreads);
    }
  }
  for (const name of [...operationSpreads, ...[...spreads.values()].flat()]) {
    if (!spreads.has(name)) return `Unknown fragment "${name}".`;
  }
  // Depth-first search for a cycle among fragments.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string): string | null => {
    if (state.get(name) === 'done') return null;
    if (state.get(name) === 'visiting') return `Fragment "${name}" spreads itself (a fragment cycle).`;
    state.set(name, 'visiting');
    for (const next of spreads.get(name) ?? []) {
      const problem = visit(next);
      if (problem) return problem;
    }
    state.set(name, 'done');
    return null;
  };
  for (const name of spreads.keys()) {
    const problem = visit(name);
    if (problem) return problem;
  }
  return null;
}

function rootFieldCount(document: DocumentNode): number {
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  // Fragments are known to be acyclic here; inline fragments and spreads at the root add their fields.
  const count = (selectionSet: SelectionSetNode): number =>
    selectionSet.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + (selection.name.value === '__typename' ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      return total + (fragment ? count(fragment.selectionSet) : 0);
    }, 0);
  return Math.max(0, ...document.definitions.map((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? count(definition.selectionSet) : 0)));
}

function listItems(value: unknown, budget: number): number {
  let items = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && items <= budget) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      items += current.length;
      stack.push(...current.slice(0, budget + 1));
    } else if (current !== null && typeof current === 'object') {
      stack.push(...Object.values(current));
    }
  }
  return items;
}

/** Why this operation is refused, or null when it may go on to Apollo's own validation. */
export function operationProblem(query: unknown, variables: unknown, limits: GraphqlLimits): string | null {
  if (typeof query !== 'string') return null; // Apollo answers a missing query itself.
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    // A syntax error is Apollo's to report, with its position; only the size limit is ours.
    const message = (error as Error).message;
    return /tokens/i.test(message) ? `The query is too large: at most ${limits.maxTokens} tokens.` : null;
  }
  const fragments = fragmentProblem(document);
  if (fragments) return fragments;
  const rootFields = rootFieldCount(document);
  if (rootFields > limits.maxRootFields) return `The query selects ${rootFields} top-level fields: at most ${limits.maxRootFields}.`;
  if (listItems(variables, limits.maxVariableListItems) > limits.maxVariableListItems) {
    return `The variables hold more than ${limits.maxVariableListItems} list items.`;
  }
  return null;
}
