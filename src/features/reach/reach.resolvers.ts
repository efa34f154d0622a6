import type { Context } from '../context.js';
import type { Resolvers, State } from '../../generated/graphql.js';
import { pageInMemory, pageRequest, toConnection } from '../../kernel/connection.js';
import { present, stillThere } from '../../kernel/resolve.js';
import { pathTo } from './reach.compute.js';
import { sliceGraph } from './reach.network.js';
import type { Breakdown } from './reach.compute.js';

const share = (b: Breakdown) => ({
  reached: b.reached,
  total: b.total,
  share: b.total === 0 ? 0 : b.reached / b.total,
  populationReached: b.populationReached,
  populationTotal: b.populationTotal,
  populationShare: b.populationTotal === 0 ? 0 : b.populationReached / b.populationTotal,
});

/** Every AGS of a snapshot names a municipality; the loader batches them into one lookup per page. */
const municipality = (loaders: Context['loaders'], ags: string) => stillThere(loaders.municipality.load(ags), 'Municipality', ags);

const limit = (first: number | null | undefined, max: number) => Math.max(1, Math.min(first ?? 20, max));

export const reachResolvers: Resolvers = {
  Query: {
    reach: (_, args, { reach }) => reach.reach(args),
    reachNetwork: (_, args, { reach }) => reach.network(args),
    reachGrowth: (_, args, { reach }) => reach.growth({ ...args, from: args.from ?? { programme: true } }),
  },
  Reach: {
    reachedCount: (r) => r.reached.size,
    municipalities: (r) => share(r.summed.all),
    byState: (r) => r.summed.byState.map((b) => ({ key: b.key, kreis: null, share: share(b) })),
    bySizeClass: (r) => r.summed.bySizeClass.map((b) => ({ key: b.key, kreis: null, share: share(b) })),
    byKreis: (r, { first }, { loaders }) =>
      r.summed.byKreis
        .filter((b) => b.reached > 0)
        .sort((a, b) => b.reached - a.reached || a.key.localeCompare(b.key))
        .slice(0, limit(first, 500))
        .map((b) => ({ key: b.key, kreis: municipality(loaders, b.key), share: share(b) })),
    reached: async (r, args, { loaders }) => {
      const request = pageRequest('reach.reached', args, 'number');
      const ordered = [...r.reached.values()]
        .sort((a, b) => a.hops - b.hops || (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0))
        .map((x) => ({ node: x, sort: x.hops, key: x.ags }));
      const page = toConnection(request, pageInMemory(request, ordered, 'ASC'), (row, cursor) => ({ cursor, reached: row.node }));
      return {
        ...page,
        edges: await Promise.all(
          page.edges.map(async ({ cursor, reached }) => ({
            cursor,
            hops: reached.hops,
            node: await municipality(loaders, reached.ags),
            path: pathTo(r.reached, reached.ags).map((step) => ({ municipality: municipality(loaders, step.ags), via: step.via })),
          })),
        ),
      };
    },
    whiteSpots: (r, { first }, { loaders }) =>
      r
        .whiteSpots()
        .slice(0, limit(first, 500))
        .map((w) => ({ kreis: municipality(loaders, w.ags), population: w.population, gemeinden: w.gemeinden })),
    whiteSpotStates: (r) => r.whiteSpotStates().map((w) => ({ state: w.state as State, population: w.population, gemeinden: w.gemeinden })),
    snapshotVersion: (r) => r.snapshot.version,
    snapshotLoadedAt: (r) => r.snapshot.loadedAt,
    includesGenerated: (r) => r.includesGenerated,
    partnersAbroad: async (r, _, { loaders }) => present(await loaders.organization.loadMany(r.partnersAbroad())),
  },
  ReachNetwork: {
    nodes: (n) => n.result?.nodes ?? 0,
    edges: (n) => n.result?.edges ?? 0,
    brokers: (n, { first }) => (n.result?.brokers ?? []).slice(0, limit(first, 100)),
    communities: (n, { first }) => (n.result?.communities ?? []).slice(0, limit(first, 100)),
    graph: (n, { first }) => sliceGraph(n.result?.graph ?? { nodes: [], links: [] }, limit(first, 5000)),
  },
  NetworkGraph: {
    ags: (g) => g.nodes.map((n) => n.ags),
    name: (g) => g.nodes.map((n) => n.name),
    community: (g) => g.nodes.map((n) => n.community),
    betweenness: (g) => g.nodes.map((n) => n.betweenness),
    degree: (g) => g.nodes.map((n) => n.degree),
    linkSource: (g) => g.links.map(([a]) => a),
    linkTarget: (g) => g.links.map(([, b]) => b),
  },
  Broker: {
    municipality: (b, _, { loaders }) => municipality(loaders, b.ags),
  },
  Community: {
    size: (c) => c.members.length,
    members: (c, { first }, { loaders }) => c.members.slice(0, limit(first, 500)).map((ags) => municipality(loaders, ags)),
    dominantTopics: async (c, _, { loaders }) => present(await loaders.topic.loadMany(c.dominantTopics)),
  },
  EventGrowth: {
    event: async (g, _, { loaders }) => stillThere(loaders.event.load(g.slug), 'Event', g.slug),
  },
};
