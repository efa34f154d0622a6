// The transfer office's dashboard (analysts): reach from an event, a project, a municipality or the whole
// programme within a number of hops — the reached Gemeinden on the map, the shares by Land as bars, the
// white-spot Kreise ranked by population —, growth per event, and who holds the network together
// (the network drawn, brokers by betweenness, communities with their dominant topics). Tables and figures are the text
// alternative of the map and the bars; each list downloads as CSV and XLSX. The parts live in dashboard-*.tsx.
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../api';
import { graphql } from '../gql';
import type { ReachSource } from '../gql/graphql';
import { useCredential } from '../session';
import { t } from '../strings';
import { ErrorNote, Loading } from '../ui';
import { useQuery } from '../use-query';
import { GrowthSection } from './dashboard-growth';
import { NetworkSection } from './dashboard-network';
import { ReachSection } from './dashboard-reach';
import { KINDS, SourceForm, type Kind } from './dashboard-source';

const d = t.dashboard;

const REACH = graphql(`
  query Dashboard($from: ReachSource!, $hops: Int!) {
    viewer { role }
    reach(from: $from, maxHops: $hops) {
      reachedCount
      municipalities { reached total share populationShare }
      byState { key share { reached total share populationReached populationTotal populationShare } }
      whiteSpots(first: 500) { kreis { ags name } population gemeinden }
    }
    reachGrowth(maxHops: $hops) { event { slug title } date before added after populationAdded }
    reachNetwork { status brokers(first: 10) { municipality { ags name } betweenness degree } communities(first: 8) { id size dominantTopics { name } } }
  }
`);

const REACHED = graphql(`
  query Reached($from: ReachSource!, $hops: Int!, $after: String) {
    reach(from: $from, maxHops: $hops) { reached(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ags } } } }
  }
`);

function sourceOf(kind: Kind, key: string): ReachSource {
  return kind === 'programme' ? { programme: true } : { [kind]: key };
}

/** The reached Gemeinden for the map, page by page, with progress; stops quietly at a refusal. */
function useReached(from: ReachSource, hops: number, skip: boolean) {
  const [state, setState] = useState<{ ags: Set<string>; done: boolean }>({ ags: new Set(), done: false });
  const key = JSON.stringify([from, hops, skip]);
  useEffect(() => {
    if (skip) return;
    let current = true;
    setState({ ags: new Set(), done: false });
    void (async () => {
      const ags = new Set<string>();
      let after: string | null = null;
      for (let page = 0; page < 200 && current; page++) {
        let next;
        try {
          next = await request(REACHED, { from, hops, after });
        } catch {
          break;
        }
        for (const e of next.reach.reached.edges) ags.add(e.node.ags);
        if (current) setState({ ags: new Set(ags), done: false });
        if (!next.reach.reached.pageInfo.hasNextPage) break;
        after = next.reach.reached.pageInfo.endCursor ?? null;
      }
      if (current) setState({ ags, done: true });
    })();
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}

export function DashboardPage() {
  const credential = useCredential();
  const { query, route } = useLocation();
  const kind = (KINDS as readonly string[]).includes(query.von ?? '') ? (query.von as Kind) : 'event';
  const key = query.key ?? 'rk-2022-03-22-mayen-koblenz';
  const hops = Math.min(6, Math.max(0, Number(query.schritte ?? 2) || 0));
  const [again, setAgain] = useState(0);
  const from = sourceOf(kind, key);
  const result = useQuery(REACH, { from, hops }, credential === null, again);
  const denied = result?.error && (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'FORBIDDEN');
  const reached = useReached(from, hops, !result?.data);

  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">{d.title}</h1>
      <p>{d.intro}</p>
      {(credential === null || denied) && (
        <div class="note" role="note">
          <p>{d.needsAnalyst}</p>
          <p>
            <a href="/anmelden">{d.signIn}</a>
          </p>
        </div>
      )}
      <SourceForm
        value={{ kind, key, hops }}
        onSubmit={(source) => route(`/reichweite?von=${source.kind}&key=${encodeURIComponent(source.key)}&schritte=${source.hops}`)}
      />

      {result?.loading && <Loading />}
      {result?.error && !denied && <ErrorNote error={result.error} />}
      {result?.data && (
        <>
          <h2>{d.reached(result.data.reach.municipalities.reached, result.data.reach.municipalities.total, result.data.reach.municipalities.share)}</h2>
          <p>{d.population(result.data.reach.municipalities.populationShare)}</p>
          <ReachSection reach={result.data.reach} reached={reached} sourceKey={JSON.stringify([from, hops])} />
          <GrowthSection points={result.data.reachGrowth} />
          <NetworkSection network={result.data.reachNetwork} onReload={() => setAgain((n) => n + 1)} />
        </>
      )}
    </section>
  );
}
