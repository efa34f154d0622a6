import { z } from 'zod';
import { ApiError, badInput, notFound } from '../../errors.js';
import { stillThere } from '../../kernel/resolve.js';
import type { Resolvers } from '../../generated/graphql.js';
import { nodeEdge, pageRequest, toConnection } from '../../kernel/connection.js';
import { toGlobalId } from '../../kernel/global-id.js';
import { actorSchema, dateTimeSchema, nameSchema, namedOnly, parse, slugSchema, toActorRef, webUrlSchema } from '../../kernel/validation.js';

const kindSchema = z.enum(['REGIONAL_CONFERENCE', 'CONGRESS', 'EXPERT_FORUM', 'WEBINAR', 'WORKSHOP', 'PEER_LEARNING', 'WORKING_GROUP', 'OTHER']);
const fields = {
  format: z.enum(['VIRTUAL', 'ONSITE', 'HYBRID']).nullish(),
  participantCount: z.number().int().min(0, 'must be 0 or more').nullish(),
  url: webUrlSchema.nullish(),
};
const createSchema = z.object({
  slug: slugSchema,
  title: nameSchema(300),
  kind: kindSchema,
  startsAt: dateTimeSchema,
  ...fields,
  host: actorSchema.nullish(),
  topics: z.array(slugSchema).max(50).nullish(),
});
const updateSchema = z.object({
  title: nameSchema(300).optional(),
  kind: kindSchema.optional(),
  startsAt: dateTimeSchema.optional(),
  ...fields,
  host: actorSchema.nullish(),
});
const filterSchema = z
  .object({ from: dateTimeSchema.nullish(), to: dateTimeSchema.nullish() })
  .refine((f) => f.from == null || f.to == null || f.from < f.to, { path: ['to'], message: 'must be after `from`' });

export const eventResolvers: Resolvers = {
  Query: {
    event: (_, { slug }, { loaders }) => loaders.event.load(parse(slugSchema, slug, 'slug')),
    events: async (_, args, { repos }) => {
      const f = parse(filterSchema, args.filter ?? {}, 'filter');
      const order = args.orderBy ?? 'STARTS_AT';
      const page = pageRequest(`events.${order}`, args, 'number');
      const filter = { kinds: args.filter?.kinds ?? null, from: f.from ?? null, to: f.to ?? null, standing: args.filter?.includeStanding ?? false };
      return toConnection(page, await repos.events.list(filter, order, page), nodeEdge);
    },
  },

  Event: {
    id: (e) => toGlobalId('Event', e.slug),
    host: async (e, _, { loaders }) => (await loaders.eventHosts.load(e.slug))[0] ?? null,
    hosts: (e, _, { loaders }) => loaders.eventHosts.load(e.slug),
    topics: (e, _, { loaders }) => loaders.eventTopics.load(e.slug),
    startsAt: (e) => {
      if (e.startsAt === null) throw new ApiError('NO_DATE', `'${e.slug}' is a standing format without a date; ask \`startsOn\` (null for such events) instead of \`startsAt\`.`, { event: e.slug });
      return e.startsAt;
    },
    standing: (e) => e.startsAt === null,
    attendees: async (e, args, { loaders }) => {
      const page = pageRequest('event.attendees', args);
      const key = { slug: e.slug, limit: page.limit, after: page.after, generated: args.includeGenerated ?? false };
      return toConnection(page, await loaders.eventAttendees.load(key), nodeEdge);
    },
    attendance: async (e, args, { loaders }) => {
      const page = pageRequest('event.attendance', args);
      const key = { slug: e.slug, limit: page.limit, after: page.after, generated: args.includeGenerated ?? false };
      return toConnection(page, await loaders.eventAttendance.load(key), nodeEdge);
    },
  },

  Attendance: {
    sources: (a) => a.sources,
  },

  Mutation: {
    createEvent: async (_, { input }, { repos, loaders }) => {
      const e = parse(createSchema, input, 'input');
      await repos.events.create({
        slug: e.slug,
        title: e.title,
        kind: e.kind,
        startsAt: e.startsAt,
        format: e.format ?? null,
        participantCount: e.participantCount ?? null,
        url: e.url ?? null,
        host: e.host ? toActorRef(e.host) : null,
        topics: [...new Set(e.topics ?? [])],
      });
      return stillThere(loaders.event.load(e.slug), 'Event', e.slug);
    },
    updateEvent: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.slug, 'slug');
      const { host, ...changes } = namedOnly(parse(updateSchema, args.input, 'input'));
      for (const required of ['title', 'kind', 'startsAt'] as const) {
        if (changes[required] === null) throw badInput(`\`${required}\` cannot be cleared.`, { argument: `input.${required}` });
      }
      await repos.events.update(slug, changes, host === undefined ? undefined : host && toActorRef(host));
      return stillThere(loaders.event.load(slug), 'Event', slug);
    },
    deleteEvent: async (_, args, { repos }) => {
      const slug = parse(slugSchema, args.slug, 'slug');
      await repos.events.delete(slug);
      return { deletedId: toGlobalId('Event', slug) };
    },
    recordAttendance: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.event, 'event');
      await repos.events.recordAttendance(slug, toActorRef(parse(actorSchema, args.attendee, 'attendee')));
      return stillThere(loaders.event.load(slug), 'Event', slug);
    },
    removeAttendance: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.event, 'event');
      const attendee = toActorRef(parse(actorSchema, args.attendee, 'attendee'));
      if (!(await repos.events.removeAttendance(slug, attendee))) throw notFound('Attendance', `${attendee.ags ?? attendee.organization} at ${slug}`);
      return stillThere(loaders.event.load(slug), 'Event', slug);
    },
    addEventTopic: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.event, 'event');
      await repos.events.addTopic(slug, parse(slugSchema, args.topic, 'topic'));
      return stillThere(loaders.event.load(slug), 'Event', slug);
    },
    removeEventTopic: async (_, args, { repos, loaders }) => {
      const slug = parse(slugSchema, args.event, 'event');
      const topic = parse(slugSchema, args.topic, 'topic');
      if (!(await repos.events.removeTopic(slug, topic))) throw notFound('Event topic', `${topic} of ${slug}`);
      return stillThere(loaders.event.load(slug), 'Event', slug);
    },
  },
};
