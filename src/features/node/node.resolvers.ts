import { badInput } from '../../errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import { fromGlobalId, type NodeType } from '../../kernel/global-id.js';
import type { NodeLoader } from '../context.js';

/** `node(id:)`: the global id names the type, and the area that registered that type loads it. */
export const nodeResolvers = (nodes: Readonly<Record<NodeType, NodeLoader>>): Resolvers => ({
  Query: {
    node: (_, { id }, { loaders }) => {
      const ref = fromGlobalId(id);
      if (!ref) throw badInput('`id` is not a global id of this API. Use an `id` field returned by it.', { argument: 'id' });
      return nodes[ref.type](loaders, ref.key);
    },
  },
});
