import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql.js';
import { nodeEdge, pageRequest, toConnection } from '../../kernel/connection.js';
import { toGlobalId } from '../../kernel/global-id.js';
import { nameSchema, namedOnly, parse, slugSchema, textSchema } from '../../kernel/validation.js';

const createSchema = z.object({
  slug: slugSchema,
  name: nameSchema(),
  nameEn: nameSchema().nullish(),
  description: textSchema().nullish(),
  parent: slugSchema.nullish(),
});
const updateSchema = z.object({
  name: nameSchema().optional(),
  nameEn: nameSchema().nullish(),
  description: textSchema().nullish(),
  parent: slugSchema.nullish(),
});

export const topicResolvers: Resolvers = {
  Query: {
    topic: (_, { slug }, { loaders }) => loaders.topic.load(parse(slugSchema, slug, 'slug')),
    topics: async (_, args, { repos }) => {
      const parent = parse(slugSchema.nullish(), args.filter?.parent, 'filter.parent') ?? null;
      const page = pageRequest('topics', args);
      return toConnection(page, await repos.topics.list({ fieldsOfAction: args.filter?.fieldsOfAction ?? null, parent }, page), nodeEdge);
    },
  },

  Topic: {
    id: (t) => toGlobalId('Topic', t.slug),
    parent: (t, _, { loaders }) => loaders.topicParent.load(t.slug),
    subtopics: (t, _, { loaders }) => loaders.topicSubtopics.load(t.slug),
    projects: async (t, args, { loaders }) => {
      const page = pageRequest('topic.projects', args);
      const includeSubtopics = args.includeSubtopics ?? true;
      return toConnection(page, await loaders.topicProjects.load({ slug: t.slug, includeSubtopics, limit: page.limit, after: page.after }), nodeEdge);
    },
    interestedMunicipalities: async (t, args, { loaders }) => {
      const page = pageRequest('topic.interestedMunicipalities', args);
      return toConnection(page, await loaders.topicInterestedMunicipalities.load({ slug: t.slug, limit: page.limit, after: page.after }), nodeEdge);
    },
    experts: (t, _, { loaders }) => loaders.topicExperts.load(t.slug),
    events: (t, _, { loaders }) => loaders.topicEvents.load(t.slug),
  },

  Mutation: {
    createTopic: async (_, { input }, { repos }) => {
      const t = parse(createSchema, input, 'input');
      return repos.topics.create({ slug: t.slug, name: t.name, nameEn: t.nameEn ?? null, description: t.description ?? null, parent: t.parent ?? null });
    },
    updateTopic: async (_, args, { repos }) => {
      const slug = parse(slugSchema, args.slug, 'slug');
      const { parent, ...changes } = namedOnly(parse(updateSchema, args.input, 'input'));
      return repos.topics.update(slug, changes, parent);
    },
    deleteTopic: async (_, args, { repos }) => {
      const slug = parse(slugSchema, args.slug, 'slug');
      await repos.topics.delete(slug);
      return { deletedId: toGlobalId('Topic', slug) };
    },
  },
};
