// The rules of discovery a request goes through: its arguments checked and turned into a ranking's order (the
// cursor continues only the ranking it came from), the candidates asked of the repository, ranked
// (discovery.ranking.ts) and paged with their explanations.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { badInput, notFound } from '../../errors.js';
import type { LearningRanking, PeerFilter, PeerProfile, PeerRanking } from '../../generated/graphql.js';
import { EXPORT_PAGE_SIZE, pageInMemory, pageRequest, toConnection } from '../../kernel/connection.js';
import { parse, slugSchema } from '../../kernel/validation.js';
import type { Loaders } from '../context.js';
import { filterParams, type Asked } from './discovery.candidates.js';
import { explainedPage, type InheritedTopicRecord, type LearningPartnerEdgeRecord } from './discovery.explanation.js';
import { gemeindePositionsOf } from './discovery.profiles.js';
import type { DiscoveryRepository } from './discovery.repository.js';
import { peersPageByModel, rankPage, rankPeers, rankSolutions, rankSolutionsByModel } from './discovery.ranking.js';
import { searchService } from './discovery.search.js';

const MAX_INTERESTS = 20;

const interestsSchema = z.array(slugSchema).max(MAX_INTERESTS, `at most ${MAX_INTERESTS} topics`);

const unknownInterests = (unknown: string[]) =>
  badInput(`\`interests\` names no topic for: ${unknown.join(', ')}. Use the slugs of \`topics\`.`, { argument: 'interests', unknown });

/** What the asker brings, from the `interests` and `profile` arguments. */
const asked = (interests: string[], profile: PeerProfile | null | undefined): Asked => ({
  interests,
  interestsOnly: profile === 'INTERESTS_ONLY',
  inherited: profile === 'INHERITED_AND_INTERESTS',
});

/**
 * A ranking's cursor order: the list and a digest of every argument the ranking depends on, so a cursor
 * continues only the ranking it came from (another municipality, filter, interests or profile: BAD_USER_INPUT).
 */
function rankingOrder(list: string, args: { ags: string; filter: PeerFilter | null | undefined; interests: string[]; profile: PeerProfile | null | undefined; rankBy?: PeerRanking | LearningRanking }): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([args.ags, args.filter ?? null, [...args.interests].sort(), args.profile ?? 'STORED_AND_INTERESTS']))
    .digest('base64url')
    .slice(0, 12);
  return `${list}:${args.rankBy ?? ''}:${digest}`;
}

export interface LearningArgs {
  first?: number | null;
  after?: string | null;
  interests?: readonly string[] | null;
  profile?: PeerProfile | null;
  rankBy?: LearningRanking | null;
}

export interface PeersArgs {
  first?: number | null;
  after?: string | null;
  interests?: readonly string[] | null;
  profile?: PeerProfile | null;
  rankBy?: PeerRanking | null;
}

/** `loaders`: the request's; their `dataVersion` is read once per request and forgotten after a write. */
export function discoveryService(repo: DiscoveryRepository, loaders: Pick<Loaders, 'dataVersion'>) {
  return {
    ...searchService(repo),

    async peers(ags: string, filter: PeerFilter | null | undefined, args: PeersArgs) {
      const rankBy = args.rankBy ?? 'MODEL';
      const interests = [...new Set(parse(interestsSchema, args.interests ?? [], 'interests'))];
      const request = pageRequest(rankingOrder('peers', { ags, filter, interests, profile: args.profile, rankBy }), args, 'number', EXPORT_PAGE_SIZE);
      if (rankBy === 'MODEL') {
        const found = await repo.modelCandidates(ags, filterParams(filter), asked(interests, args.profile));
        if (!found) throw notFound('Municipality', ags);
        if (found.unknownInterests.length > 0) throw unknownInterests(found.unknownInterests);
        return peersPageByModel(found, request);
      }
      const found = await repo.peerCandidates(ags, filterParams(filter), asked(interests, args.profile));
      if (!found) throw notFound('Municipality', ags);
      if (found.unknownInterests.length > 0) throw unknownInterests(found.unknownInterests);
      return explainedPage(request, rankPeers(found, rankBy), found.own.sizeClass);
    },
    async learningPartners(ags: string, filter: PeerFilter | null | undefined, args: LearningArgs) {
      const interests = [...new Set(parse(interestsSchema, args.interests ?? [], 'interests'))];
      const rankBy = args.rankBy ?? 'MODEL';
      const request = pageRequest(rankingOrder('learningPartners', { ags, filter, interests, profile: args.profile, rankBy }), args, 'number', EXPORT_PAGE_SIZE);
      const found = await repo.learningCandidates(ags, filterParams(filter), asked(interests, args.profile));
      if (!found) throw notFound('Municipality', ags);
      if (found.unknownInterests.length > 0) throw unknownInterests(found.unknownInterests);
      const page = pageInMemory(request, rankBy === 'MODEL' ? rankSolutionsByModel(found) : rankSolutions(found), 'DESC');
      return toConnection(request, page, ({ sort: _, explain, ...row }, cursor): LearningPartnerEdgeRecord => ({ ...row, explanation: explain(), cursor }));
    },
    /** What a municipality carries only by inheritance, heaviest first, then by slug. */
    async inheritedTopics(ags: string): Promise<InheritedTopicRecord[]> {
      const { viaOf, profileOf } = (await repo.profilesAt(await loaders.dataVersion.load('now'))).inherited;
      const via = viaOf.get(ags);
      if (!via) return [];
      const profile = profileOf.get(ags)!;
      return [...via]
        .map(([slug, from]) => ({ slug, weight: profile.get(slug) ?? 0, via: from.map((v) => ({ side: 'ASKER' as const, ...v })) }))
        .sort((a, b) => b.weight - a.weight || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    },
    /** Every Gemeinde's position, from the register table kept per data version. */
    async gemeindePositions() {
      const profiles = await repo.profilesAt(await loaders.dataVersion.load('now'));
      return (profiles.positions ??= gemeindePositionsOf(profiles.own.unitOf));
    },
    async similarProjects(slug: string, filter: PeerFilter | null | undefined, args: { first?: number | null; after?: string | null }) {
      const request = pageRequest('similarProjects', args, 'number');
      const found = await repo.similarProjectCandidates(slug, filterParams(filter));
      if (!found) throw notFound('Project', slug);
      return rankPage(found, request, (p) => p.slug);
    },
  };
}
