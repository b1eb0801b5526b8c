/**
 * Limits a GraphQL operation before Apollo validates or runs it. Strapi's depth limit
 * (graphql-depth-limit) recurses for ever on a fragment cycle or crashes on an unknown
 * fragment, both answering 500; fragments that spread other fragments ten times, ten levels
 * deep, expand to 10^10 fields, which GraphQL's own validation then walks for ever; and
 * nothing bounds aliases: two thousand aliases of `articles` are two thousand database
 * queries. What an operation costs to run is src/lib/graphql-cost.ts's (it needs the schema).
 * Pure: the global graphql-guard middleware (src/middlewares) applies it to each request.
 */
import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';

export type GraphqlLimits = {
  /** Lexical tokens in the query text: bounds its size, huge literal lists and directive floods. */
  maxTokens: number;
  /** Fields selected at the top of an operation, aliases and fragments included: each is a query. */
  maxRootFields: number;
  /** Items in all the lists of the variables together (e.g. an `in` filter). */
  maxVariableListItems: number;
  /** Fields in the operation once every fragment is written out where it is spread. */
  maxExpandedFields: number;
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

type FieldCounts = { root: number; expanded: number };

/** Top-level fields, and all fields once fragments are written out; fragments are counted once each (memoised). */
function fieldCounts(document: DocumentNode): FieldCounts {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const expandedFragments = new Map<string, number>();
  // Fragments are known to be acyclic here.
  const expanded = (selectionSet: SelectionSetNode | undefined): number =>
    (selectionSet?.selections ?? []).reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + 1 + expanded(selection.selectionSet);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + expanded(selection.selectionSet);
      const name = selection.name.value;
      if (!expandedFragments.has(name)) expandedFragments.set(name, expanded(fragments.get(name)?.selectionSet));
      return total + (expandedFragments.get(name) ?? 0);
    }, 0);
  // Inline fragments and spreads at the root add their fields.
  const root = (selectionSet: SelectionSetNode): number =>
    selectionSet.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + (selection.name.value === '__typename' ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + root(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      return total + (fragment ? root(fragment.selectionSet) : 0);
    }, 0);
  const operations = document.definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [definition] : []));
  return {
    root: Math.max(0, ...operations.map((operation) => root(operation.selectionSet))),
    expanded: Math.max(0, ...operations.map((operation) => expanded(operation.selectionSet))),
  };
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
  const counts = fieldCounts(document);
  if (counts.root > limits.maxRootFields) return `The query selects ${counts.root} top-level fields: at most ${limits.maxRootFields}.`;
  if (counts.expanded > limits.maxExpandedFields) {
    return `The query selects ${counts.expanded} fields once its fragments are written out: at most ${limits.maxExpandedFields}.`;
  }
  if (listItems(variables, limits.maxVariableListItems) > limits.maxVariableListItems) {
    return `The variables hold more than ${limits.maxVariableListItems} list items.`;
  }
  return null;
}
