import { z } from 'zod';
import { notFound } from '../../errors.js';
import { stillThere } from '../../kernel/resolve.js';
import type { Resolvers } from '../../generated/graphql.js';
import { nodeEdge, pageRequest, toConnection } from '../../kernel/connection.js';
import { selectionAt, selects } from '../../kernel/look-ahead.js';
import { narrowParams } from '../../records/projection.js';
import { toGlobalId } from '../../kernel/global-id.js';
import { agsSchema, isoDateSchema, nameSchema, namedOnly, parse, slugSchema, textSchema, uuidSchema, webUrlSchema } from '../../kernel/validation.js';

const cohortSchema = z.number().int().min(1990, 'must be 1990 or later').max(2100, 'must be 2100 or earlier');
const fundingSchema = z.number().min(0, 'must be 0 or more').max(1e12, 'must be at most 10^12');

const fields = {
  summary: textSchema().nullish(),
  status: z.enum(['PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED']).nullish(),
  startDate: isoDateSchema.nullish(),
  endDate: isoDateSchema.nullish(),
  programme: nameSchema().nullish(),
  cohort: cohortSchema.nullish(),
  category: nameSchema().nullish(),
  title: nameSchema().nullish(),
  sources: z.array(webUrlSchema).max(20).nullish(),
  fundingEur: fundingSchema.nullish(),
  url: webUrlSchema.nullish(),
};

const endNotBeforeStart = (p: { startDate?: string | null; endDate?: string | null }) =>
  p.startDate == null || p.endDate == null || p.endDate >= p.startDate;

const createSchema = z
  .object({
    slug: slugSchema,
    name: nameSchema(),
    ...fields,
    topics: z.array(slugSchema).max(50).nullish(),
    runners: z.array(z.object({ ags: agsSchema, role: z.enum(['LEAD', 'PARTNER']) })).max(100).nullish(),
  })
  .refine(endNotBeforeStart, { path: ['endDate'], message: 'must not be before startDate' })
  .refine((p) => new Set((p.runners ?? []).map((r) => r.ags)).size === (p.runners ?? []).length, {
    path: ['runners'],
    message: 'names a municipality twice',
  });

const updateSchema = z
  .object({
    name: nameSchema().optional(),
    ...fields,
    // Cleared sources are the empty list.
    sources: z
      .array(webUrlSchema)
      .max(20)
      .nullish()
      .transform((v) => (v === null ? [] : v)),
  })
  .refine(endNotBeforeStart, { path: ['endDate'], message: 'must not be before startDate' });

const filterSchema = z.object({
  topic: slugSchema.nullish(),
  programme: nameSchema().nullish(),
  cohort: cohortSchema.nullish(),
});

export const projectResolvers: Resolvers = {
  Query: {
    project: (_, { slug }, { loaders }) => loaders.project.load(parse(slugSchema, slug, 'slug')),
    projects: async (_, args, { repos, loaders }, info) => {
      const f = parse(filterSchema, args.filter ?? {}, 'filter');
      const order = args.orderBy ?? 'NAME';
      const page = pageRequest(`projects.${order}`, args);
      const filter = {
        topic: f.topic ?? null,
        status: args.filter?.status ?? null,
        programme: f.programme ?? null,
        cohort: f.cohort ?? null,
        state: args.filter?.state ?? null,
      };
      // Runners selected for the page's projects come with the page, in the same statement (look-ahead).
      const withRunners = selects(selectionAt(info, ['edges', 'node']), 'runners');
      const found = await repos.projects.list(filter, order, page, withRunners, narrowParams(info).narrow);
      for (const [slug, runners] of found.runners ?? []) loaders.projectRunners.prime(slug, runners);
      return toConnection(page, found, nodeEdge);
    },
  },

  Project: {
    id: (p) => toGlobalId('Project', p.slug),
    runners: (p, _, { loaders }) => loaders.projectRunners.load(p.slug),
    topics: (p, _, { loaders }) => loaders.projectTopics.load(p.slug),
    contacts: (p, _, { loaders }) => loaders.projectContacts.load(p.slug),
    funders: (p, _, { loaders }) => loaders.projectFunders.load(p.slug),
    supporters: (p, _, { loaders }) => loaders.projectSupporters.load(p.slug),
  },

  Mutation: {
    createProject: async (_, { input }, { repos }) => {
      const p = parse(createSchema, input, 'input');
      return repos.projects.create({
        slug: p.slug,
        name: p.name,
        summary: p.summary ?? null,
        status: p.status ?? null,
        startDate: p.startDate ?? null,
        endDate: p.endDate ?? null,
        programme: p.programme ?? null,
        cohort: p.cohort ?? null,
        category: p.category ?? null,
        title: p.title ?? null,
        sources: p.sources ?? [],
        fundingEur: p.fundingEur ?? null,
        url: p.url ?? null,
        topics: [...new Set(p.topics ?? [])],
        runners: p.runners ?? [],
      });
    },
    updateProject: async (_, args, { repos }) => {
      const slug = parse(slugSchema, args.slug, 'slug');
      const changes = namedOnly(parse(updateSchema, args.input, 'input'));
      return repos.projects.update(slug, changes);
    },
    deleteProject: async (_, args, { repos }) => {
      const slug = parse(slugSchema, args.slug, 'slug');
      await repos.projects.delete(slug);
      return { deletedId: toGlobalId('Project', slug) };
    },
    addRunner: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.project, 'project');
      await repos.projects.addRunner(slug, parse(agsSchema, args.ags, 'ags'), args.role);
      return stillThere(loaders.project.load(slug), 'Project', slug);
    },
    removeRunner: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.project, 'project');
      const ags = parse(agsSchema, args.ags, 'ags');
      if (!(await repos.projects.removeRunner(slug, ags))) throw notFound('Runner', `${ags} of ${slug}`);
      return stillThere(loaders.project.load(slug), 'Project', slug);
    },
    addProjectTopic: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.project, 'project');
      await repos.projects.addTopic(slug, parse(slugSchema, args.topic, 'topic'));
      return stillThere(loaders.project.load(slug), 'Project', slug);
    },
    removeProjectTopic: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.project, 'project');
      const topic = parse(slugSchema, args.topic, 'topic');
      if (!(await repos.projects.removeTopic(slug, topic))) throw notFound('Project topic', `${topic} of ${slug}`);
      return stillThere(loaders.project.load(slug), 'Project', slug);
    },
    addProjectContact: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.project, 'project');
      await repos.projects.addContact(slug, parse(uuidSchema, args.contact, 'contact'));
      return stillThere(loaders.project.load(slug), 'Project', slug);
    },
    removeProjectContact: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.project, 'project');
      const contact = parse(uuidSchema, args.contact, 'contact');
      if (!(await repos.projects.removeContact(slug, contact))) throw notFound('Project contact', `${contact} of ${slug}`);
      return stillThere(loaders.project.load(slug), 'Project', slug);
    },
    addBacker: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.project, 'project');
      await repos.projects.addBacker(slug, parse(slugSchema, args.organization, 'organization'), args.kind);
      return stillThere(loaders.project.load(slug), 'Project', slug);
    },
    removeBacker: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.project, 'project');
      const organization = parse(slugSchema, args.organization, 'organization');
      if (!(await repos.projects.removeBacker(slug, organization, args.kind))) {
        throw notFound('Backing', `${organization} ${args.kind} ${slug}`);
      }
      return stillThere(loaders.project.load(slug), 'Project', slug);
    },
  },
};
