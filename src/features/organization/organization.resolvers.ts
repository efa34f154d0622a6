import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql.js';
import { nodeEdge, pageRequest, toConnection } from '../../kernel/connection.js';
import { toGlobalId } from '../../kernel/global-id.js';
import { nameSchema, namedOnly, parse, slugSchema, webUrlSchema } from '../../kernel/validation.js';

const kindSchema = z.enum(['MINISTRY', 'TRANSFER_OFFICE', 'UNIVERSITY', 'COMPANY', 'ASSOCIATION', 'OTHER']);
const createSchema = z.object({ slug: slugSchema, name: nameSchema(), kind: kindSchema, url: webUrlSchema.nullish() });
const updateSchema = z.object({ name: nameSchema().optional(), kind: kindSchema.optional(), url: webUrlSchema.nullish() });

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_, { slug }, { loaders }) => loaders.organization.load(parse(slugSchema, slug, 'slug')),
    organizations: async (_, args, { repos }) => {
      const page = pageRequest('organizations', args);
      return toConnection(page, await repos.organizations.list(args.kind ?? null, page), nodeEdge);
    },
  },

  Organization: {
    id: (o) => toGlobalId('Organization', o.slug),
    contacts: (o, _, { loaders }) => loaders.organizationContacts.load(o.slug),
    fundedProjects: (o, _, { loaders }) => loaders.organizationFundedProjects.load(o.slug),
    supportedProjects: (o, _, { loaders }) => loaders.organizationSupportedProjects.load(o.slug),
    eventsHosted: (o, args, { loaders }) => loaders.organizationEventsHosted.load({ key: o.slug, generated: false, standing: args.includeStanding ?? false }),
    eventsAttended: (o, args, { loaders }) =>
      loaders.organizationEventsAttended.load({ key: o.slug, generated: args.includeGenerated ?? false, standing: args.includeStanding ?? false }),
    exchanges: (o, _, { loaders }) => (o.kind === 'CITY_ABROAD' ? loaders.organizationExchanges.load(o.slug) : []),
  },

  Mutation: {
    createOrganization: async (_, { input }, { repos }) => {
      const o = parse(createSchema, input, 'input');
      return repos.organizations.create({ slug: o.slug, name: o.name, kind: o.kind, url: o.url ?? null });
    },
    updateOrganization: async (_, args, { repos }) => {
      const slug = parse(slugSchema, args.slug, 'slug');
      return repos.organizations.update(slug, namedOnly(parse(updateSchema, args.input, 'input')));
    },
    deleteOrganization: async (_, args, { repos }) => {
      const slug = parse(slugSchema, args.slug, 'slug');
      await repos.organizations.delete(slug);
      return { deletedId: toGlobalId('Organization', slug) };
    },
  },
};
