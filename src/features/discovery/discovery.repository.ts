// The discovery area's door to the database: the asker and the data version in one statement per request,
// the per-version tables (profiles, solutions, the network of the learned ranking) read once per version,
// and the statement of similar projects. Search has its own (discovery.search.ts).
import type { Access } from '../../auth/viewer.js';
import { DATA_VERSION_MATCH, READ_DATA_VERSION, type PerVersion } from '../../db/data-version.js';
import { cypher } from '../../db/cypher.js';
import type { Database, Row } from '../../db/database.js';
import type { SizeClass } from '../../generated/graphql.js';
import { toMunicipality } from '../../records/municipality.js';
import { toProject, type ProjectRecord } from '../../records/project.js';
import { learningCandidatesIn, modelCandidatesIn, peerCandidatesIn, profilesFor, type Asked, type Candidates, type DiscoveryFilterParams, type LearningCandidates, type ModelCandidates, type PeerCandidates, type ProfileRow } from './discovery.candidates.js';
import { Network } from './discovery.features.js';
import { NETWORK, networkInputOf, type NetworkPartRow } from './discovery.network.js';
import { buildProfileSets, buildSolutions, PARENTS, PROFILES, profilesRowOf, SOLUTIONS, solutionsRowOf, type PartRow, type ProfileSets, type Solutions } from './discovery.profiles.js';
import { searchRepository } from './discovery.search.js';

// Conditions on a municipality `m`, with `centre` bound to a point (or null).
const MUNICIPALITY_FILTER = `($state IS NULL OR m.state = $state)
  AND ($kinds IS NULL OR m.kind IN $kinds)
  AND ($sizeClasses IS NULL OR m.sizeClass IN $sizeClasses)
  AND ($radiusM IS NULL OR (centre IS NOT NULL AND m.location IS NOT NULL AND point.distance(m.location, centre) <= $radiusM))
  AND ($programme IS NULL OR EXISTS { (m)-[:RUNS]->(:Project {programme: $programme}) })
  AND (NOT $excludeOwnKreis OR NOT m.ags STARTS WITH ownKreis)`;

const CENTRE = (own: string) =>
  `CASE WHEN $center IS NULL THEN ${own} ELSE point({latitude: $center.lat, longitude: $center.lon}) END`;

// The asker, and the data version: the one statement of a ranking. Candidates, filters, structure and
// distances come from the per-version tables; a newer version here refreshes them and asks again.
export const ASKER = cypher(
  'discovery.asker',
  `MATCH (a:Municipality {ags: $ags})
   ${DATA_VERSION_MATCH}
   RETURN a {.*} AS own, dataVersion.n AS version`,
);

/** Reads the profiles of the data as it is now. */
async function readProfiles(db: Database): Promise<ProfileSets> {
  return buildProfileSets(profilesRowOf(await db.read('discovery.profiles', (tx) => tx.run<PartRow>(PROFILES))));
}

/** Reads the solutions of the data as it is now. */
async function readSolutions(db: Database): Promise<Solutions> {
  return buildSolutions(solutionsRowOf(await db.read('discovery.solutions', (tx) => tx.run<PartRow>(SOLUTIONS))));
}

/** The network the learned peer ranking reads, of one data version. */
export interface VersionedNetwork {
  version: number;
  network: Network;
}

/** Reads the network of the data as it is now (discovery.network.ts). */
async function readNetwork(db: Database): Promise<VersionedNetwork> {
  const input = await networkInputOf(await db.read('discovery.network', (tx) => tx.run<NetworkPartRow>(NETWORK)));
  return { version: input.version ?? -1, network: await Network.build(input) };
}

/**
 * The value of a per-version cache for `version`, loaded once for all concurrent callers. Without a version
 * node (a graph no write has versioned yet) nothing tells when the data changes: read afresh, not kept.
 */
async function at<T extends { version: number }>(cache: PerVersion<T>, version: number | null, load: () => Promise<T>): Promise<T> {
  return version === null ? load() : cache.get(version, load);
}

/**
 * Similar projects: the same over project topics. A project passes the
 * filter when one of its runners does; distances are between lead runners.
 */
export const SIMILAR_PROJECTS = cypher(
  'discovery.similarProjects',
  `MATCH (a:Project {id: $slug})
   CALL () {
     MATCH (t:Topic)<-[:ADDRESSES]-(p:Project)
     WITH p, collect(t.slug) AS direct
     RETURN collect({key: p.id, direct: direct}) AS profiles
   }
   ${PARENTS}
   CALL (a) {
     OPTIONAL MATCH (m:Municipality)-[r:RUNS]->(a)
     WITH m ORDER BY CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, m.ags LIMIT 1
     RETURN m AS ownLead
   }
   WITH a, profiles, parents, ownLead, coalesce([p IN profiles WHERE p.key = a.id | p.direct][0], []) AS ownDirect
   WITH a, profiles, parents, ownLead, ownDirect, ownDirect + [x IN parents WHERE x[0] IN ownDirect | x[1]] AS ownTopics
   CALL (a, profiles, parents, ownTopics, ownLead) {
     UNWIND profiles AS p
     WITH p WHERE p.key <> a.id AND any(s IN p.direct + [x IN parents WHERE x[0] IN p.direct | x[1]] WHERE s IN ownTopics)
     MATCH (x:Project {id: p.key})
     WITH x, p, ownLead, ${CENTRE('ownLead.location')} AS centre, coalesce(left(ownLead.ags, 5), '-') AS ownKreis
     WHERE EXISTS { MATCH (m:Municipality)-[:RUNS]->(x) WHERE ${MUNICIPALITY_FILTER} }
     CALL (x) {
       OPTIONAL MATCH (m:Municipality)-[r:RUNS]->(x)
       WITH m ORDER BY CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, m.ags LIMIT 1
       RETURN m AS lead
     }
     RETURN collect({
       node: x {.*},
       direct: p.direct,
       sizeClass: lead.sizeClass,
       distanceKm: CASE WHEN ownLead.location IS NULL OR lead.location IS NULL THEN null
                        ELSE point.distance(ownLead.location, lead.location) / 1000.0 END
     }) AS candidates
   }
   RETURN a {.*} AS own, ownLead.sizeClass AS ownSizeClass, ownDirect, profiles, parents, candidates`,
);

export function discoveryRepository(db: Database, access: Access, profileCache: PerVersion<ProfileSets>, solutionCache: PerVersion<Solutions>, networkCache: PerVersion<VersionedNetwork>) {
  const askerAt = async (ags: string) => {
    const [row] = await db.read('discovery.asker', (tx) => tx.run<{ own: Row; version: number | null }>(ASKER, { ags }));
    return row ? { own: toMunicipality(row.own), version: row.version } : null;
  };
  return {
    ...searchRepository(db, access),
    /**
     * Null when there is no municipality with this AGS. One statement reads the asker and the data
     * version; the profiles come from the per-version cache, read once per version (concurrent requests
     * share that one read).
     */
    peerCandidates: async (ags: string, filter: DiscoveryFilterParams, asked?: Asked): Promise<PeerCandidates | null> => {
      const asker = await askerAt(ags);
      if (!asker) return null;
      const profiles = await at(profileCache, asker.version, () => readProfiles(db));
      return { own: asker.own, ...peerCandidatesIn(profilesFor(profiles, asked), ags, filter, asked) };
    },

    /** Null when there is no municipality with this AGS. The learned ranking's inputs, from the per-version caches. */
    modelCandidates: async (ags: string, filter: DiscoveryFilterParams, asked: Asked): Promise<ModelCandidates | null> => {
      const asker = await askerAt(ags);
      if (!asker) return null;
      const [profiles, network] = await Promise.all([at(profileCache, asker.version, () => readProfiles(db)), at(networkCache, asker.version, () => readNetwork(db))]);
      return { own: asker.own, ...modelCandidatesIn(profiles, network.network, ags, filter, asked) };
    },

    /** Null when there is no municipality with this AGS. As peers, with the solutions and the network from their per-version caches too. */
    learningCandidates: async (ags: string, filter: DiscoveryFilterParams, asked: Asked): Promise<LearningCandidates | null> => {
      const asker = await askerAt(ags);
      if (!asker) return null;
      const [profiles, solutions, network] = await Promise.all([
        at(profileCache, asker.version, () => readProfiles(db)),
        at(solutionCache, asker.version, () => readSolutions(db)),
        at(networkCache, asker.version, () => readNetwork(db)),
      ]);
      return { own: asker.own, ...learningCandidatesIn(profilesFor(profiles, asked), solutions, network.network, ags, filter, asked) };
    },

    /** The data version now (one per key asked; the `dataVersion` loader asks once per request). Null before any versioned write. */
    dataVersions: async (keys: readonly 'now'[]): Promise<(number | null)[]> => {
      const [row] = await db.read('discovery.version', (tx) => tx.run<{ version: number }>(READ_DATA_VERSION));
      // Version 0: no version node yet, nothing to keep the tables by (as for the asker's null).
      return keys.map(() => (row?.version ? row.version : null));
    },

    /** The profile sets of data version `version` (see `dataVersions`), from the per-version cache. */
    profilesAt: (version: number | null) => at(profileCache, version, () => readProfiles(db)),

    /** Null when there is no project with this slug. */
    similarProjectCandidates: (slug: string, filter: DiscoveryFilterParams) =>
      db.read('discovery.similarProjects', async (tx): Promise<(Candidates<ProjectRecord> & { own: ProjectRecord }) | null> => {
        const [row] = await tx.run(SIMILAR_PROJECTS, { slug, ...filter });
        if (!row) return null;
        return {
          own: toProject(row.own as Row),
          ownDirect: row.ownDirect as string[],
          ownSizeClass: (row.ownSizeClass as SizeClass | null) ?? null,
          profiles: row.profiles as ProfileRow[],
          parents: row.parents as [string, string][],
          candidates: (row.candidates as Row[]).map((c) => ({
            record: toProject(c.node as Row),
            direct: c.direct as string[],
            distanceKm: c.distanceKm as number | null,
            sizeClass: (c.sizeClass as SizeClass | null) ?? null,
          })),
        };
      }),
  };
}

export type DiscoveryRepository = ReturnType<typeof discoveryRepository>;
