import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql.js';
import { EXPORT_PAGE_SIZE, nodeEdge, pageRequest, toConnection } from '../../kernel/connection.js';
import { toGlobalId } from '../../kernel/global-id.js';
import { parse, queryTextSchema, slugSchema } from '../../kernel/validation.js';
import type { MeasurePage } from './measure.repository.js';
import type { PageRequest } from '../../kernel/connection.js';

const filterSchema = z.object({
  topic: slugSchema.nullish(),
  project: slugSchema.nullish(),
  cohort: z.number().int().min(1990, 'must be 1990 or later').max(2100, 'must be 2100 or earlier').nullish(),
  text: queryTextSchema(2, 200).nullish(),
});

const measureConnection = (page: PageRequest, found: MeasurePage) => ({ ...toConnection(page, found, nodeEdge), byStatus: found.byStatus });

export const measureResolvers: Resolvers = {
  Query: {
    measure: (_, { slug }, { loaders }) => loaders.measure.load(parse(slugSchema, slug, 'slug')),
    measures: async (_, args, { repos, discovery }) => {
      const f = parse(filterSchema, args.filter ?? {}, 'filter');
      const page = pageRequest('measures', args, 'string', EXPORT_PAGE_SIZE);
      // Text goes through the full-text index (typo-tolerant); the list then filters on the keys it found.
      const ids = f.text ? await discovery.searchKeys(f.text, 'Measure') : null;
      const filter = {
        topic: f.topic ?? null,
        statuses: args.filter?.status ?? null,
        state: args.filter?.state ?? null,
        sizeClass: args.filter?.sizeClass ?? null,
        cohort: f.cohort ?? null,
        project: f.project ?? null,
        ids,
      };
      return measureConnection(page, await repos.measures.list(filter, page));
    },
  },

  Measure: {
    id: (m) => toGlobalId('Measure', m.slug),
    project: (m, _, { loaders }) => loaders.measureProject.load(m.slug),
    topics: async (m, _, { loaders }) => (await loaders.measureTopicLinks.load(m.slug)).map((l) => l.topic),
    topicLinks: (m, _, { loaders }) => loaders.measureTopicLinks.load(m.slug),
    sources: (m) => m.sources,
  },

  Project: {
    measures: (p, _, { loaders }) => loaders.projectMeasures.load(p.slug),
  },

  Topic: {
    measures: async (t, args, { loaders }) => {
      const page = pageRequest('topic.measures', args);
      const key = { slug: t.slug, includeSubtopics: args.includeSubtopics ?? true, limit: page.limit, after: page.after };
      return measureConnection(page, await loaders.topicMeasures.load(key));
    },
  },
};
