import type { Resolvers } from '../../generated/graphql.js';
import { nodeEdge, pageInMemory, pageRequest, toConnection } from '../../kernel/connection.js';
import { toGlobalId } from '../../kernel/global-id.js';
import { present, stillThere } from '../../kernel/resolve.js';
import { nameKey } from '../../kernel/text.js';
import { agsSchema, parse, slugSchema } from '../../kernel/validation.js';

export const solutionResolvers: Resolvers = {
  Query: {
    solution: (_, { slug }, { loaders }) => loaders.solution.load(parse(slugSchema, slug, 'slug')),
    solutions: async (_, args, { repos }) => {
      const topic = args.topic === null || args.topic === undefined ? null : parse(slugSchema, args.topic, 'topic');
      const page = pageRequest('solutions', args, 'number');
      return toConnection(page, await repos.solutions.list(topic, page), nodeEdge);
    },
  },

  ReusableSolution: {
    id: (s) => toGlobalId('ReusableSolution', s.slug),
    origin: (s, _, { loaders }) => (s.originAgs === null ? null : loaders.municipality.load(s.originAgs)),
    topics: async (s, _, { loaders }) => present(await loaders.topic.loadMany(s.topicSlugs)),
    users: async (s, args, { loaders }) => {
      const nearestTo = args.nearestTo === null || args.nearestTo === undefined ? null : parse(agsSchema, args.nearestTo, 'nearestTo');
      if (nearestTo !== null) await stillThere(loaders.municipality.load(nearestTo), 'Municipality', nearestTo);
      const page = pageRequest(nearestTo === null ? 'solution.users' : 'solution.users.near', args, nearestTo === null ? 'string' : 'number');
      const all = await loaders.solutionUsers.load({ slug: s.slug, nearestTo, status: args.status ?? null });
      // Nearest first (unknown positions last), else by name; the AGS makes the order total.
      const rows = all.map((node) => ({ node, sort: nearestTo === null ? nameKey(node.municipality.name) : (node.distanceKm ?? Number.MAX_SAFE_INTEGER), key: node.municipality.ags }));
      rows.sort((a, b) => (a.sort === b.sort ? (a.key < b.key ? -1 : 1) : a.sort < b.sort ? -1 : 1));
      return toConnection(page, pageInMemory(page, rows, 'ASC'), (row, cursor) => ({ cursor, node: row.node, distanceKm: row.node.distanceKm }));
    },
  },

  SolutionUse: {
    topics: async (x, _, { loaders }) => present(await loaders.topic.loadMany(x.topicSlugs)),
  },

  Municipality: {
    solutionsUsed: (m, _, { loaders }) => loaders.municipalitySolutions.load(m.ags),
  },
};
