// The floor of the learned rankings (R1, R5 and R6 since issue 36). No Cypher statement holds a model learned
// over network features (Delaunay neighbours, Adamic-Adar over the known links, topic rarity), so the floor is
// what a hand-written handler would do: one statement reading everything the models need — the API's own
// discovery.network, with discovery.solutions' parts for R6 — then the features and the scores in its own
// process, by the API's pure functions (the same model files), keeping nothing between requests. The API (b)
// keeps the network per data version instead; the answers must be the same.
import { cypher } from '../src/db/cypher.js';
import type { Database } from '../src/db/database.js';
import { distanceKm, Network } from '../src/features/discovery/discovery.features.js';
import { learningFeatures } from '../src/features/discovery/discovery.learning.js';
import { scores } from '../src/features/discovery/discovery.model.js';
import { NETWORK, networkInputOf, type NetworkPartRow } from '../src/features/discovery/discovery.network.js';
import { buildSolutions, SOLUTION_PARTS, solutionsRowOf } from '../src/features/discovery/discovery.profiles.js';
import { LEARNING_MODEL, PEER_MODEL, servedSortKeys } from '../src/features/discovery/discovery.ranking.js';
import type { Profile } from '../src/features/discovery/discovery.scoring.js';

export const MODEL_PEERS_FLOOR = NETWORK;
export const MODEL_LEARNING_FLOOR = cypher('bench.modelLearning', `${NETWORK.text}\n   UNION ALL\n   ${SOLUTION_PARTS}`);

/** The asker's profile for the request: its own, with the request's interests at 1 and their fields at ½ (the highest weight kept). */
function withInterests(own: Profile, interests: readonly string[], parentOf: ReadonlyMap<string, string>): Profile {
  const out = new Map(own);
  const raise = (slug: string, w: number) => out.set(slug, Math.max(out.get(slug) ?? 0, w));
  for (const slug of interests) {
    raise(slug, 1);
    const field = parentOf.get(slug);
    if (field !== undefined) raise(field, 0.5);
  }
  return out;
}

const byKeyDesc = (sort: ArrayLike<number>, keys: readonly string[]) => (a: number, b: number) => sort[b]! - sort[a]! || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0);

export interface ModelPeersPage {
  totalCount: number;
  edges: { ags: string; score: number; distanceKm: number | null }[];
}

/** The first `first` peers of `ags` by the peer model, with the request's interests; null when there is no such municipality. */
export async function modelPeersFloor(db: Database, ags: string, interests: readonly string[], first: number): Promise<ModelPeersPage | null> {
  const input = await networkInputOf(await db.read('bench.modelPeers', (tx) => tx.run<NetworkPartRow>(MODEL_PEERS_FLOOR)));
  const network = new Network(input);
  const asker = network.units.get(ags);
  if (!asker) return null;
  const pf = network.features(ags, network.candidates, withInterests(network.profileOf(ags).profile, interests, new Map(input.parents)));
  const s = scores(PEER_MODEL, pf);
  const order = pf.candidates.map((_, i) => i).sort(byKeyDesc(s, pf.candidates));
  return {
    totalCount: pf.candidates.length,
    edges: order.slice(0, first).map((i) => ({ ags: pf.candidates[i]!, score: s[i]!, distanceKm: distanceKm(asker, network.units.get(pf.candidates[i]!)!) })),
  };
}

export interface ModelLearningPage {
  totalCount: number;
  edges: { type: string; slug: string; runner: string; status: string; score: number }[];
}

/** The first `first` solutions for `ags` by the learning model, in the API's tiers; null when there is no such municipality. */
export async function modelLearningFloor(db: Database, ags: string, first: number): Promise<ModelLearningPage | null> {
  const rows = await db.read('bench.modelLearning', (tx) => tx.run<NetworkPartRow>(MODEL_LEARNING_FLOOR));
  const input = await networkInputOf(rows);
  const network = new Network(input);
  if (!network.units.has(ags)) return null;
  const others = (await buildSolutions(solutionsRowOf(rows))).all.filter((x) => !x.runners.includes(ags) && network.units.has(x.runners[0]!));
  const profile = network.profileOf(ags).profile;
  const lf = learningFeatures(network, PEER_MODEL, ags, others, profile);
  const matches = others.map((x) => [...x.profile.keys()].some((t) => profile.has(t)));
  const tiers = matches.map((m) => (m ? 1 : 0));
  const sort = servedSortKeys(scores(LEARNING_MODEL, lf), tiers, others.map((x) => x.runners[0]!), lf.candidates);
  const s = scores(LEARNING_MODEL, lf);
  const order = others.map((_, i) => i).sort(byKeyDesc(sort, lf.candidates));
  return {
    totalCount: others.length,
    edges: order.slice(0, first).map((i) => ({ type: others[i]!.type, slug: others[i]!.key, runner: others[i]!.runners[0]!, status: others[i]!.status, score: s[i]! })),
  };
}
