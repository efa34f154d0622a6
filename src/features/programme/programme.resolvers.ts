import type { Resolvers } from '../../generated/graphql.js';
import { EXPORT_PAGE_SIZE, nodeEdge, pageInMemory, pageRequest, toConnection } from '../../kernel/connection.js';
import { toGlobalId } from '../../kernel/global-id.js';
import { LIST_CAPS } from '../../kernel/list-caps.js';
import { present } from '../../kernel/resolve.js';
import { nameKey } from '../../kernel/text.js';
import { parse, slugSchema } from '../../kernel/validation.js';

export const programmeResolvers: Resolvers = {
  Query: {
    programme: (_, { slug }, { loaders }) => loaders.programme.load(parse(slugSchema, slug, 'slug')),
    programmes: async (_, args, { repos }) => {
      const page = pageRequest('programmes', args);
      return toConnection(page, await repos.programmes.list({ level: args.level ?? null, state: args.state ?? null }, page), nodeEdge);
    },
  },

  Programme: {
    id: (g) => toGlobalId('Programme', g.slug),
    participants: async (g, args, { loaders }) => {
      const page = pageRequest(`programme.participants`, args, 'string', EXPORT_PAGE_SIZE);
      const all = await loaders.programmeParticipants.load({ slug: g.slug, state: args.state ?? null, role: args.role ?? null });
      // Ordered by name; the key makes the order total (a municipality may take part in two groups or rounds).
      const rows = all.map((node) => ({ node, sort: nameKey(node.municipality.name), key: `${node.municipality.ags}|${node.group ?? ''}|${node.cohort ?? ''}` }));
      rows.sort((a, b) => (a.sort === b.sort ? (a.key < b.key ? -1 : 1) : a.sort < b.sort ? -1 : 1));
      return toConnection(page, pageInMemory(page, rows, 'ASC'), nodeEdge);
    },
  },

  Participation: {
    project: (x, _, { loaders }) => (x.projectSlug === null ? null : loaders.project.load(x.projectSlug)),
    topics: async (x, _, { loaders }) => present(await loaders.topic.loadMany(x.topicSlugs)),
    fellowMembers: async (x, _, { loaders }) => {
      if (x.group === null) return [];
      const members = await loaders.programmeGroupMembers.load({ programme: x.programme.slug, group: x.group });
      return members.filter((m) => m.ags !== x.municipality.ags).slice(0, LIST_CAPS['Participation.fellowMembers']);
    },
  },

  Municipality: {
    programmes: (m, _, { loaders }) => loaders.municipalityProgrammes.load(m.ags),
  },
};
