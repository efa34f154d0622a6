// The transfer office's dashboard (analysts): reach from an event, a project, a municipality or the whole
// programme within a number of hops — the reached Gemeinden on the map, the shares by Land as bars, the
// white-spot Kreise ranked by population —, growth per event, and who holds the network together
// (the network drawn, brokers by betweenness, communities with their dominant topics). Tables and figures are the text
// alternative of the map and the bars.
import { useLocation } from 'preact-iso';
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../api';
import { graphql } from '../gql';
import type { ReachSource } from '../gql/graphql';
import { COMMUNITY_COLOURS, communityColour } from '../palette';
import { useCredential } from '../session';
import { t } from '../strings';
import { ErrorNote, Loading } from '../ui';
import { useQuery } from '../use-query';

const GermanyMap = lazy(() => import('../map'));
const NetworkView = lazy(() => import('../network'));
const d = t.dashboard;

const REACH = graphql(`
  query Dashboard($from: ReachSource!, $hops: Int!) {
    viewer { role }
    reach(from: $from, maxHops: $hops) {
      reachedCount
      municipalities { reached total share populationShare }
      byState { key share { reached total share } }
      whiteSpots(first: 15) { kreis { ags name } population gemeinden }
    }
    reachGrowth(maxHops: $hops) { event { slug title } date added after }
    reachNetwork { status brokers(first: 10) { municipality { ags name } betweenness degree } communities(first: 8) { id size dominantTopics { name } } }
  }
`);

const REACHED = graphql(`
  query Reached($from: ReachSource!, $hops: Int!, $after: String) {
    reach(from: $from, maxHops: $hops) { reached(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ags } } } }
  }
`);

const KINDS = ['programme', 'event', 'project', 'municipality'] as const;
type Kind = (typeof KINDS)[number];

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

/** Reached Gemeinden after each event, over time: an SVG line; the table below it is its text alternative. */
function GrowthChart({ points }: { points: { date: string; after: number }[] }) {
  if (points.length < 2) return null;
  const W = 640;
  const H = 200;
  const pad = 36;
  const times = points.map((p) => Date.parse(p.date));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const top = Math.max(...points.map((p) => p.after), 1);
  const x = (time: number) => pad + ((time - t0) / Math.max(1, t1 - t0)) * (W - 2 * pad);
  const y = (n: number) => H - pad + 8 - (n / top) * (H - 2 * pad);
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(times[i]!).toFixed(1)},${y(p.after).toFixed(1)}`).join(' ');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: `${W}px` }} role="img" aria-label={d.growthChart(points.length, top)}>
      <line x1={pad} y1={H - pad + 8} x2={W - pad} y2={H - pad + 8} stroke="#4a4a4a" />
      <line x1={pad} y1={pad - 8} x2={pad} y2={H - pad + 8} stroke="#4a4a4a" />
      <text x={pad - 4} y={y(top) + 4} text-anchor="end" font-size="11" fill="#1a1a1a">{top.toLocaleString('de-DE')}</text>
      <text x={pad} y={H - 6} font-size="11" fill="#1a1a1a">{t.format.isoDate(points[0]!.date.slice(0, 7))}</text>
      <text x={W - pad} y={H - 6} text-anchor="end" font-size="11" fill="#1a1a1a">{t.format.isoDate(points.at(-1)!.date.slice(0, 7))}</text>
      <path d={line} fill="none" stroke="#0b4f8a" stroke-width="2" />
      {points.map((p, i) => (
        <circle key={i} cx={x(times[i]!)} cy={y(p.after)} r="3" fill="#0b4f8a" />
      ))}
    </svg>
  );
}

export function DashboardPage() {
  const credential = useCredential();
  const { query, route } = useLocation();
  const kind = (KINDS as readonly string[]).includes(query.von ?? '') ? (query.von as Kind) : 'event';
  const key = query.key ?? 'rk-2022-03-22-mayen-koblenz';
  const hops = Math.min(6, Math.max(0, Number(query.schritte ?? 2) || 0));
  const [draft, setDraft] = useState({ kind, key, hops });
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
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          route(`/reichweite?von=${draft.kind}&key=${encodeURIComponent(draft.key)}&schritte=${draft.hops}`);
        }}
      >
        <fieldset>
          <legend>{d.from}</legend>
          <div>
            <label for="d-kind">{d.from}</label>
            <select id="d-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as Kind })}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {d.kinds[k]}
                </option>
              ))}
            </select>
          </div>
          {draft.kind !== 'programme' && (
            <div>
              <label for="d-key">{d.key}</label>
              <input id="d-key" value={draft.key} onInput={(e) => setDraft({ ...draft, key: e.currentTarget.value })} size={34} />
            </div>
          )}
          <div>
            <label for="d-hops">{d.hopsLabel}</label>
            <input id="d-hops" type="range" min="0" max="6" value={draft.hops} aria-valuetext={d.hops(draft.hops)} onInput={(e) => setDraft({ ...draft, hops: Number(e.currentTarget.value) })} />
            <span aria-hidden="true"> {draft.hops}</span>
          </div>
          <button type="submit">{d.show}</button>
        </fieldset>
      </form>

      {result?.loading && <Loading />}
      {result?.error && !denied && <ErrorNote error={result.error} />}
      {result?.data && (
        <>
          <h2>{d.reached(result.data.reach.municipalities.reached, result.data.reach.municipalities.total, result.data.reach.municipalities.share)}</h2>
          <p>{d.population(result.data.reach.municipalities.populationShare)}</p>
          <div class="with-map">
            <div>
              <h3>{d.byState}</h3>
              {result.data.reach.byState.map((b) => (
                <div class="bar" key={b.key}>
                  <span class="bar-label">{t.state[b.key] ?? b.key}</span>
                  <span class="bar-track" aria-hidden="true">
                    <span class="bar-fill" style={{ width: `${Math.round(b.share.share * 100)}%` }} />
                  </span>
                  <span class="bar-value">
                    {b.share.reached.toLocaleString('de-DE')} / {b.share.total.toLocaleString('de-DE')}
                  </span>
                </div>
              ))}
              <h3>{d.whiteSpots}</h3>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{d.kreis}</th>
                    <th scope="col">{d.inhabitants}</th>
                    <th scope="col">{d.gemeinden}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.data.reach.whiteSpots.map((w) => (
                    <tr key={w.kreis.ags}>
                      <td>
                        <a href={`/gemeinde/${w.kreis.ags}`}>{w.kreis.name}</a>
                      </td>
                      <td>{w.population.toLocaleString('de-DE')}</td>
                      <td>{w.gemeinden.toLocaleString('de-DE')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              {!reached.done && <p class="status" role="status">{d.loadingReached(reached.ags.size, result.data.reach.municipalities.reached)}</p>}
              {reached.done && (
                <Suspense fallback={<Loading />}>
                  <GermanyMap label={d.mapLabel(reached.ags.size)} marks={[]} highlight={reached.ags} caption={t.map.reachCaption} />
                </Suspense>
              )}
            </div>
          </div>

          <h2>{d.growth}</h2>
          <GrowthChart points={result.data.reachGrowth} />
          <table>
            <thead>
              <tr>
                <th scope="col">{d.growthDate}</th>
                <th scope="col">{d.growthEvent}</th>
                <th scope="col">{d.growthAdded}</th>
                <th scope="col">{d.growthAfter}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.reachGrowth.map((g) => (
                <tr key={g.event.slug}>
                  <td>{t.format.isoDate(g.date)}</td>
                  <td>{g.event.title}</td>
                  <td>{g.added.toLocaleString('de-DE')}</td>
                  <td>{g.after.toLocaleString('de-DE')}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>{d.network}</h2>
          {result.data.reachNetwork.status === 'COMPUTING' ? (
            <p role="status">
              {d.computing}{' '}
              <button type="button" onClick={() => setAgain((n) => n + 1)}>
                {d.reload}
              </button>
            </p>
          ) : (
            <div class="columns">
              <Suspense fallback={<Loading />}>
                <NetworkView />
              </Suspense>
              <div>
                <h3>{d.brokers}</h3>
                <ol>
                  {result.data.reachNetwork.brokers.map((b) => (
                    <li key={b.municipality.ags}>
                      <a href={`/gemeinde/${b.municipality.ags}`}>{b.municipality.name}</a> <span class="small">({b.betweenness.toLocaleString('de-DE', { maximumFractionDigits: 3 })})</span>
                    </li>
                  ))}
                </ol>
              </div>
              <div>
                <h3>{d.communities}</h3>
                <ul>
                  {result.data.reachNetwork.communities.slice(0, COMMUNITY_COLOURS.length - 1).map((c) => (
                    <li key={c.id}>
                      <span class="swatch" style={{ background: communityColour(c.id) }} aria-hidden="true" />
                      {d.community(c.id, c.size)}: {c.dominantTopics.map((x) => x.name).join(', ')}
                    </li>
                  ))}
                  {result.data.reachNetwork.communities.length >= COMMUNITY_COLOURS.length && (
                    <li>
                      <span class="swatch" style={{ background: communityColour(COMMUNITY_COLOURS.length - 1) }} aria-hidden="true" />
                      {d.furtherCommunities}
                    </li>
                  )}
                </ul>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}

