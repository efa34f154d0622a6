import { z } from 'zod';
import { badInput, notFound } from '../../errors.js';
import type { Resolvers } from '../../generated/graphql.js';
import { nodeEdge, pageRequest, toConnection } from '../../kernel/connection.js';
import { toGlobalId } from '../../kernel/global-id.js';
import { nameKey } from '../../kernel/text.js';
import { agsSchema, isoDateSchema, latSchema, lonSchema, nameSchema, parse, postcodeSchema, queryTextSchema, slugSchema } from '../../kernel/validation.js';
import { present, stillThere } from '../../kernel/resolve.js';
import { kindFitsAgs } from '../../records/municipality.model.js';
import { primeMunicipalityPage } from './municipality.page.js';
import { municipalityOrderType } from './municipality.repository.js';

const filterSchema = z.object({
  state: z.string().nullish(),
  kinds: z.array(z.string()).nullish(),
  sizeClasses: z.array(z.string()).nullish(),
  namePrefix: queryTextSchema(1, 100).nullish(),
});

const inputSchema = z
  .object({
    ags: agsSchema,
    name: nameSchema(),
    kind: z.enum(['LAND', 'LANDKREIS', 'KREISFREIE_STADT', 'STADT', 'GEMEINDE', 'VERBAND']),
    population: z.number().int().min(0, 'must be 0 or more').nullish(),
    areaKm2: z.number().positive('must be more than 0').max(1_000_000).nullish(),
    postcode: postcodeSchema.nullish(),
    location: z.object({ lat: latSchema, lon: lonSchema }).nullish(),
    urbanisation: z.enum(['DENSE', 'INTERMEDIATE', 'THIN']).nullish(),
    parentAgs: agsSchema.nullish(),
  })
  .superRefine((m, ctx) => {
    if (!kindFitsAgs(m.kind, m.ags)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `${m.kind} does not fit an AGS of ${m.ags.length} digits` });
    }
    if (m.parentAgs != null && !(m.parentAgs.length < m.ags.length && m.ags.startsWith(m.parentAgs))) {
      ctx.addIssue({ code: 'custom', path: ['parentAgs'], message: `must be a shorter AGS that ${m.ags} begins with` });
    }
  });

import { today } from '../../kernel/time.js';
const optionalDate = isoDateSchema.nullish().transform((d) => d ?? today());

export const municipalityResolvers: Resolvers = {
  Query: {
    municipality: async (_, args, context, info) => {
      const ags = parse(agsSchema, args.ags, 'ags');
      await primeMunicipalityPage(ags, info, context);
      return context.loaders.municipality.load(ags);
    },
    municipalities: async (_, args, { repos }) => {
      const f = parse(filterSchema, args.filter ?? {}, 'filter');
      const order = args.orderBy ?? 'NAME';
      const page = pageRequest(`municipalities.${order}`, args, municipalityOrderType(order));
      const filter = {
        state: args.filter?.state ?? null,
        kinds: args.filter?.kinds ?? null,
        sizeClasses: args.filter?.sizeClasses ?? null,
        namePrefix: f.namePrefix == null ? null : nameKey(f.namePrefix),
      };
      return toConnection(page, await repos.municipalities.list(filter, order, page), nodeEdge);
    },
  },

  Municipality: {
    id: (m) => toGlobalId('Municipality', m.ags),
    parent: (m, _, { loaders }) => loaders.municipalityParent.load(m.ags),
    kreis: (m, _, { loaders }) => loaders.municipalityKreis.load(m.ags),
    land: (m, _, { loaders }) => loaders.municipalityLand.load(m.ags),
    verband: (m, _, { loaders }) => loaders.municipalityVerband.load(m.ags),
    members: (m, _, { loaders }) => loaders.municipalityMembers.load(m.ags),
    parts: async (m, args, { loaders }) => {
      const page = pageRequest('municipality.parts', args);
      const result = await loaders.municipalityParts.load({ ags: m.ags, kind: args.kind ?? null, limit: page.limit, after: page.after });
      return toConnection(page, result, nodeEdge);
    },
    projects: async (m, args, { loaders }) => {
      const page = pageRequest('municipality.projects', args);
      const result = await loaders.municipalityProjects.load({ ags: m.ags, role: args.role ?? null, limit: page.limit, after: page.after });
      return toConnection(page, result, (row, cursor) => ({ cursor, role: row.role, node: row.node }));
    },
    topics: (m, _, { loaders }) => loaders.municipalityTopics.load(m.ags),
    interests: (m, _, { loaders }) => loaders.municipalityInterests.load(m.ags),
    contacts: (m, _, { loaders }) => loaders.municipalityContacts.load(m.ags),
    eventsAttended: (m, args, { loaders }) =>
      loaders.municipalityEventsAttended.load({ key: m.ags, generated: args.includeGenerated ?? false, standing: args.includeStanding ?? false }),
    eventsHosted: (m, args, { loaders }) => loaders.municipalityEventsHosted.load({ key: m.ags, generated: false, standing: args.includeStanding ?? false }),
    exchanges: (m, { kind, includeGenerated }, { loaders }) =>
      loaders.municipalityExchanges.load({ ags: m.ags, kind: kind ?? null, generated: includeGenerated ?? false }),
    exchangesAbroad: (m, _, { loaders }) => loaders.municipalityExchangesAbroad.load(m.ags),
  },

  Exchange: {
    topics: async (x, _, { loaders }) => present(await loaders.topic.loadMany(x.topicSlugs)),
  },

  ExchangeAbroad: {
    topics: async (x, _, { loaders }) => present(await loaders.topic.loadMany(x.topicSlugs)),
  },

  Mutation: {
    upsertMunicipality: async (_, { input }, { repos }) => {
      const m = parse(inputSchema, input, 'input');
      return repos.municipalities.upsert({
        ags: m.ags,
        name: m.name,
        kind: m.kind,
        population: m.population ?? null,
        areaKm2: m.areaKm2 ?? null,
        postcode: m.postcode ?? null,
        location: m.location ?? null,
        urbanisation: m.urbanisation ?? null,
        parentAgs: m.parentAgs ?? null,
      });
    },
    addInterest: async (_, args, { repos, loaders }) => {
      const ags = parse(agsSchema, args.ags, 'ags');
      await repos.municipalities.addInterest(ags, parse(slugSchema, args.topic, 'topic'), parse(optionalDate, args.since, 'since'));
      return stillThere(loaders.municipality.load(ags), 'Municipality', ags);
    },
    removeInterest: async (_, args, { repos, loaders }) => {
      const ags = parse(agsSchema, args.ags, 'ags');
      const topic = parse(slugSchema, args.topic, 'topic');
      if (!(await repos.municipalities.removeInterest(ags, topic))) throw notFound('Interest', `${ags} → ${topic}`);
      return stillThere(loaders.municipality.load(ags), 'Municipality', ags);
    },
    linkExchange: async (_, args, { repos, loaders }) => {
      const from = parse(agsSchema, args.from, 'from');
      const to = parse(agsSchema, args.to, 'to');
      if (from === to) throw badInput('`to` must differ from `from`: a municipality has no exchange link with itself.', { argument: 'to' });
      await repos.municipalities.linkExchange({
        from,
        to,
        kind: args.kind,
        since: parse(optionalDate, args.since, 'since'),
        topics: [...new Set(parse(z.array(slugSchema).max(50), args.topics ?? [], 'topics'))],
      });
      return stillThere(loaders.municipality.load(from), 'Municipality', from);
    },
    unlinkExchange: async (_, args, { repos, loaders }) => {
      const from = parse(agsSchema, args.from, 'from');
      const to = parse(agsSchema, args.to, 'to');
      if (!(await repos.municipalities.unlinkExchange({ from, to, kind: args.kind }))) {
        throw notFound('Exchange link', `${from} → ${to} (${args.kind})`);
      }
      return stillThere(loaders.municipality.load(from), 'Municipality', from);
    },
  },
};
