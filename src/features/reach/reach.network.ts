// Brokers and communities of the reach graph, with graphology: betweenness
// (Brandes) and degree per municipality, Louvain communities with each
// community's most common topics. Takes seconds on large graphs, so it runs
// off the request path (see ReachSnapshots.network).
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import type { ReachLinkKind } from '../../generated/graphql.js';
import type { Snapshot } from './reach.compute.js';
import { latestDay } from '../../kernel/partial-date.js';

// These CommonJS packages declare an ES default export in their types; Node hands ES modules the
// CommonJS export itself, which is the function.
const louvain = louvainModule as unknown as typeof louvainModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

export interface BrokerRecord {
  ags: string;
  betweenness: number;
  degree: number;
}

export interface CommunityRecord {
  id: number;
  members: string[];
  dominantTopics: string[];
}

/** The graph itself, for drawing: nodes in broker order, links as pairs of positions in `nodes`. */
export interface NetworkGraphRecord {
  nodes: { ags: string; name: string; community: number; betweenness: number; degree: number }[];
  links: [number, number][];
}

/** The first nodes of a graph and the links among them. */
export interface NetworkGraphSlice extends NetworkGraphRecord {
  truncated: boolean;
}

export function sliceGraph(graph: NetworkGraphRecord, first: number): NetworkGraphSlice {
  if (graph.nodes.length <= first) return { ...graph, truncated: false };
  return { nodes: graph.nodes.slice(0, first), links: graph.links.filter(([, b]) => b < first), truncated: true };
}

export interface NetworkResult {
  nodes: number;
  edges: number;
  graph: NetworkGraphRecord;
  /** Most central first, ties by AGS. */
  brokers: BrokerRecord[];
  /** Largest first, ties by their smallest AGS. */
  communities: CommunityRecord[];
}

// A date counts once it is certain: a year-only "2023" on 31 Dec 2023, a month on its last day.
const counts = (date: string | null, asOf: string | null) => asOf === null || date === null || (latestDay(date) ?? date.slice(0, 10)) <= asOf;

/** The reach graph as a simple undirected graph: a project or event links every two of its members. */
export function reachGraph(snapshot: Snapshot, kinds: ReadonlySet<ReachLinkKind>, asOf: string | null): UndirectedGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  const link = (a: string, b: string) => {
    if (a === b) return;
    graph.mergeNode(a);
    graph.mergeNode(b);
    graph.mergeEdge(a, b);
  };
  for (const g of snapshot.groups) {
    if (!kinds.has(g.kind) || !counts(g.date, asOf)) continue;
    for (let i = 0; i < g.members.length; i++) for (let j = i + 1; j < g.members.length; j++) link(g.members[i]!, g.members[j]!);
  }
  for (const x of snapshot.exchanges) if (kinds.has(x.kind) && counts(x.since, asOf)) link(x.from, x.to);
  return graph;
}

export function computeNetwork(snapshot: Snapshot, kinds: ReadonlySet<ReachLinkKind>, asOf: string | null): NetworkResult {
  const graph = reachGraph(snapshot, kinds, asOf);
  // Unnormalised: the number of shortest paths between other pairs that pass through a municipality (shared paths count fractionally).
  const betweenness = graph.order > 0 ? betweennessCentrality(graph, { normalized: false }) : {};
  const brokers = graph
    .nodes()
    .map((ags) => ({ ags, betweenness: betweenness[ags] ?? 0, degree: graph.degree(ags) }))
    .sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || a.ags.localeCompare(b.ags));

  // Without random walks Louvain visits nodes in a fixed order: the same graph gives the same communities.
  const mapping = graph.order > 0 ? louvain(graph, { randomWalk: false, getEdgeWeight: null }) : {};
  const byCommunity = new Map<number, string[]>();
  for (const [ags, c] of Object.entries(mapping)) byCommunity.set(c, [...(byCommunity.get(c) ?? []), ags]);
  const communities = [...byCommunity.values()]
    .map((members) => members.sort())
    .sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!))
    .map((members, id) => ({ id, members, dominantTopics: dominantTopics(snapshot, members) }));

  const communityOf = new Map<string, number>();
  for (const c of communities) for (const ags of c.members) communityOf.set(ags, c.id);
  const nodes = brokers.map((b) => ({ ...b, name: snapshot.municipalities.get(b.ags)?.name ?? b.ags, community: communityOf.get(b.ags) ?? -1 }));
  const position = new Map(nodes.map((n, i) => [n.ags, i]));
  const links: [number, number][] = graph.mapEdges((_, __, a, b) => {
    const [x, y] = [position.get(a)!, position.get(b)!];
    return x < y ? [x, y] : [y, x];
  });
  links.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  return { nodes: graph.order, edges: graph.size, brokers, communities, graph: { nodes, links } };
}

/** The topics most members work on (projects and interests), up to three, ties by slug. */
function dominantTopics(snapshot: Snapshot, members: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const ags of members) for (const slug of snapshot.topicsOf.get(ags) ?? []) count.set(slug, (count.get(slug) ?? 0) + 1);
  return [...count].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 3).map(([slug]) => slug);
}
