// The request-level limits that need to know who is asking, as one Apollo
// plugin: introspection only with credentials, the cost limit, the rate
// limit (cost-weighted, settled at the actual cost), no "Did you mean …?"
// hints for anonymous callers, and no writes on a refused credential.
// The static limits (depth, aliases, tokens, directives) are graphql-armor's
// (see createApollo).
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode, visit, type DocumentNode } from 'graphql';
import type { LimitsConfig } from '../config.js';
import type { Context } from '../context.js';
import { ApiError } from '../errors.js';
import { actualCost, operationCost } from './cost.js';
import type { Budget, RateLimits } from './rate-limit.js';

/** True when the document asks for the schema (`__schema` or `__type`, also inside fragments). */
export function asksIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

const SUGGESTION = /\s*Did you mean .+\?$/;

/**
 * What the limits learnt about one parsed document: whether it asks for the schema, and its cost per
 * operation name and variables. Apollo hands the same DocumentNode for the same query text (its
 * document store), so the walk over the operation runs once per text and set of variables, not per
 * request. A WeakMap (one per plugin, so per schema and limits) lets a document go when Apollo's store
 * drops it. Memory stays small whatever callers send: at most COSTS_PER_DOCUMENT variable sets per
 * document (the oldest goes first), and none longer than MAX_KEY_LENGTH as JSON (those are costed anew).
 */
interface DocumentFacts {
  introspection: boolean;
  costs: Map<string, number>;
}
const COSTS_PER_DOCUMENT = 256;
const MAX_KEY_LENGTH = 1024;

function factsOf(facts: WeakMap<DocumentNode, DocumentFacts>, document: DocumentNode): DocumentFacts {
  let known = facts.get(document);
  if (!known) facts.set(document, (known = { introspection: asksIntrospection(document), costs: new Map() }));
  return known;
}

function costOf(known: DocumentFacts, compute: () => number, operationName: string | undefined, variables: Record<string, unknown> | undefined): number {
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  if (key.length > MAX_KEY_LENGTH) return compute();
  let cost = known.costs.get(key);
  if (cost === undefined) {
    cost = compute();
    if (known.costs.size >= COSTS_PER_DOCUMENT) known.costs.delete(known.costs.keys().next().value!);
    known.costs.set(key, cost);
  }
  return cost;
}

export function limitsPlugin(limits: LimitsConfig, rateLimits: RateLimits): ApolloServerPlugin<Context> {
  const facts = new WeakMap<DocumentNode, DocumentFacts>();
  return {
    requestDidStart() {
      let charged = false;
      let budget: Budget | null = null;
      /** The estimate that was charged, when the operation ran: the answer's actual cost is settled against it. */
      let requested: number | null = null;
      return Promise.resolve({
        async didResolveOperation({ document, operationName, request, schema, contextValue, operation }) {
          const { viewer, ip } = contextValue;
          // A refused credential may read as anonymous (server.ts), never write.
          if (contextValue.refusedCredential !== undefined && operation?.operation === OperationTypeNode.MUTATION) {
            charged = true;
            budget = await rateLimits.charge(viewer, ip, 1);
            throw new ApiError('UNAUTHENTICATED', contextValue.refusedCredential, {
              http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]) },
            });
          }
          const known = factsOf(facts, document);
          if (viewer.kind === 'anonymous' && known.introspection) {
            charged = true;
            budget = await rateLimits.charge(viewer, ip, 1);
            throw new ApiError('UNAUTHENTICATED', 'Introspection needs credentials (an API key or a bearer token). The schema is published at /schema.graphql.', {
              http: { status: 401 },
            });
          }
          const name = operationName ?? undefined;
          const cost = costOf(known, () => operationCost(schema, document, name, request.variables, limits.costListSize), name, request.variables);
          if (cost > limits.maxCost) {
            charged = true;
            budget = await rateLimits.charge(viewer, ip, 1);
            throw new ApiError(
              'QUERY_TOO_COMPLEX',
              Number.isFinite(cost)
                ? `This operation may cost ${cost} points; at most ${limits.maxCost} are allowed. Ask for smaller pages (\`first\`) or fewer nested lists.`
                : 'This operation is too large to cost (over 10,000 fields once its fragments are expanded).',
              { cost: Number.isFinite(cost) ? cost : null, maxCost: limits.maxCost, http: { status: 400 } },
            );
          }
          charged = true;
          budget = await rateLimits.charge(viewer, ip, Math.max(1, cost));
          requested = Math.max(1, cost);
        },

        didEncounterErrors({ errors, contextValue }) {
          if (contextValue.viewer.kind === 'anonymous') {
            for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
          }
          return Promise.resolve();
        },

        async willSendResponse({ response, contextValue, document, operationName, schema }) {
          const { viewer, ip } = contextValue;
          // The reader learns, once per answer, that what they sent was not accepted and they read as anyone does.
          if (contextValue.refusedCredential !== undefined && response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, credential: { refused: true, reason: contextValue.refusedCredential, readAs: 'ANONYMOUS' } };
          }
          // Whatever was refused before it could be costed (syntax, validation) spends 1 point.
          if (!charged) budget = await rateLimits.charge(viewer, ip, 1).catch(() => null);
          // The estimate was the gate; the bucket keeps what the answer actually cost (at least 1, never more
          // than the estimate), as Shopify's API settles requested against actual cost.
          if (requested !== null && budget && document && response.body.kind === 'single') {
            const result = response.body.singleResult;
            const actual = Math.min(requested, Math.max(1, actualCost(schema, document, operationName ?? undefined, result.data)));
            if (actual < requested) budget = (await rateLimits.refund(viewer, ip, requested - actual).catch(() => null)) ?? budget;
            result.extensions = { ...result.extensions, cost: { requested, actual, budget } };
            response.http.headers.set('cost-requested', String(requested));
            response.http.headers.set('cost-actual', String(actual));
          }
          if (budget) {
            response.http.headers.set('ratelimit-limit', String(budget.limit));
            response.http.headers.set('ratelimit-remaining', String(budget.remaining));
            response.http.headers.set('ratelimit-reset', String(budget.resetSeconds));
          }
        },
      });
    },
  };
}
