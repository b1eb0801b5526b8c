/**
 * The cost of a GraphQL operation: how many lists of rows it may make the server read. Each
 * field that returns objects costs one query, times the items its parent list may hold; a
 * list's size is its `pagination` limit when given, else a typical page. Scalars ride along
 * with their row. graphql-query-complexity walks the operation (fragments, @include/@skip,
 * variables); this module supplies the estimate and the Apollo plugin that refuses an
 * operation over budget, whatever transport brought it (GET, any JSON content type).
 */
import { GraphQLError, getNamedType, getNullableType, isCompositeType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

export type QueryCostLimits = {
  /** The largest cost an operation may have. */
  maxCost: number;
  /** Items assumed for a list without a pagination limit. */
  defaultListSize: number;
};

function requestedListSize(args: Record<string, unknown>, fallback: number): number {
  const pagination = args.pagination as { limit?: unknown; pageSize?: unknown } | undefined;
  const requested = Number(pagination?.limit ?? pagination?.pageSize);
  return Number.isFinite(requested) && requested > 0 ? requested : fallback;
}

export function listAwareEstimator(defaultListSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    if (!isCompositeType(getNamedType(field.type))) return 0;
    const items = isListType(getNullableType(field.type)) ? requestedListSize(args, defaultListSize) : 1;
    return 1 + items * childComplexity;
  };
}

/** An Apollo Server plugin: operations over `maxCost` answer 400 before they run. */
export function queryCostPlugin(limits: QueryCostLimits) {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext: {
          request: { variables?: Record<string, unknown>; operationName?: string | null };
          document: DocumentNode;
          schema: GraphQLSchema;
        }) {
          const cost = getComplexity({
            schema: requestContext.schema,
            query: requestContext.document,
            variables: requestContext.request.variables ?? {},
            operationName: requestContext.request.operationName ?? undefined,
            estimators: [listAwareEstimator(limits.defaultListSize)],
          });
          if (cost > limits.maxCost) {
            throw new GraphQLError(
              `The query costs ${cost}: at most ${limits.maxCost}. Each related list counts the items it may hold (its pagination limit, or ${limits.defaultListSize}); ask for fewer or smaller lists.`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
