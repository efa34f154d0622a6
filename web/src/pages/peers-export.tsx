// The peer finder's two lists as files: the peers and the solutions to adopt for the same municipality, interests
// and filter as on screen, the whole ranking up to its best 1,000 (not the 20 shown), flat enough to fit the cost
// limit: a solution's reasons and contacts stay on the page.
import { request } from '../api';
import { DownloadButtons } from '../download';
import { allPages } from '../export';
import { graphql } from '../gql';
import type { PeerFilter } from '../gql/graphql';
import { t } from '../strings';

const PEERS_EXPORT = graphql(`
  query PeersExport($ags: String!, $interests: [String!], $filter: PeerFilter, $after: String) {
    peers(ags: $ags, interests: $interests, filter: $filter, first: 1000, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { score node { ags name kind state population } explanation { basis distanceKm } }
    }
  }
`);

// Five objects a solution: 500 of them a page keep the request under the app's cost budget.
const SOLUTIONS_EXPORT = graphql(`
  query SolutionsExport($ags: String!, $interests: [String!], $filter: PeerFilter, $after: String) {
    learningPartners(ags: $ags, interests: $interests, filter: $filter, first: 500, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        score
        node { __typename ... on Measure { name } ... on Project { name } }
        project { name }
        runner { ags name }
        explanation { basis status distanceKm }
      }
    }
  }
`);

const MOST = 1000;
const x = t.export;
const c = x.col;
const km = (d: number | null | undefined) => (d == null ? null : Math.round(d * 10) / 10);

export function PeerDownloads({ ags, name, interests, filter }: { ags: string; name: string; interests: string[]; filter: PeerFilter }) {
  return (
    <DownloadButtons
      name={x.peersFile(name)}
      load={async () => ({
        title: x.peersFile(name),
        rows: (await allPages(async (after) => (await request(PEERS_EXPORT, { ags, interests, filter, after })).peers, MOST)).map((e, i) => ({ ...e, rank: i + 1 })),
        columns: [
          { header: c.rank, value: (e) => e.rank },
          { header: c.ags, value: (e) => e.node.ags },
          { header: c.name, value: (e) => e.node.name },
          { header: c.kind, value: (e) => t.kind[e.node.kind] ?? e.node.kind },
          { header: c.land, value: (e) => t.state[e.node.state] ?? e.node.state },
          { header: c.population, value: (e) => e.node.population },
          { header: c.score, value: (e) => e.score },
          { header: c.basis, value: (e) => t.peers.basis[e.explanation.basis] ?? e.explanation.basis },
          { header: c.distance, value: (e) => km(e.explanation.distanceKm) },
        ],
      })}
    />
  );
}

export function SolutionDownloads({ ags, name, interests, filter }: { ags: string; name: string; interests: string[]; filter: PeerFilter }) {
  return (
    <DownloadButtons
      name={x.solutionsFile(name)}
      load={async () => ({
        title: x.solutionsFile(name),
        rows: (await allPages(async (after) => (await request(SOLUTIONS_EXPORT, { ags, interests, filter, after })).learningPartners, MOST)).map((e, i) => ({ ...e, rank: i + 1 })),
        columns: [
          { header: c.rank, value: (e) => e.rank },
          { header: c.solution, value: (e) => (e.node.__typename === 'Measure' || e.node.__typename === 'Project' ? e.node.name : null) },
          { header: c.type, value: (e) => x.typeName[e.node.__typename ?? ''] ?? null },
          { header: c.project, value: (e) => e.project.name },
          { header: c.ags, value: (e) => e.runner.ags },
          { header: c.runner, value: (e) => e.runner.name },
          { header: c.status, value: (e) => t.status[e.explanation.status] ?? e.explanation.status },
          { header: c.score, value: (e) => e.score },
          { header: c.basis, value: (e) => t.peers.basis[e.explanation.basis] ?? e.explanation.basis },
          { header: c.distance, value: (e) => km(e.explanation.distanceKm) },
        ],
      })}
    />
  );
}
