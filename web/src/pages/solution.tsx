// A re-usable solution (an app or platform several municipalities run): where it comes from, whether it is open
// source, what it is used for, and the municipalities public sources name as its users with status and date — the
// nearest first when the address names a municipality (/loesung/…?ags=…), else by name — on the map, with sources.
import { useLocation, useRoute } from 'preact-iso';
import { lazy, Suspense } from 'preact/compat';
import { useRef } from 'preact/hooks';
import { request } from '../api';
import { graphql } from '../gql';
import type { SolutionPageQuery } from '../gql/graphql';
import { t } from '../strings';
import { ErrorNote, Loading, PartialDateText, SourceLinks, TopicChips } from '../ui';
import { useMore } from '../use-more';
import { useQuery } from '../use-query';

const SOLUTION = graphql(`
  query SolutionPage($slug: String!, $nearestTo: String, $asker: String!, $after: String, $withAsker: Boolean!) {
    solution(slug: $slug) {
      slug name originWording openSource repositoryUrl
      origin { ags name }
      topics { slug name }
      sources { url }
      users(nearestTo: $nearestTo, first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          distanceKm
          node {
            status isOrigin topicsWording
            date { value precision }
            municipality { ags name location { lat lon } }
            sources { url }
          }
        }
      }
    }
    asker: municipality(ags: $asker) @include(if: $withAsker) { ags name location { lat lon } }
  }
`);

const GermanyMap = lazy(() => import('../map'));

export function SolutionPage() {
  const { params } = useRoute();
  const { query } = useLocation();
  const slug = params.slug ?? '';
  const nearestTo = query.ags || null;
  const variables = { slug, nearestTo, asker: nearestTo ?? '', withAsker: nearestTo !== null };
  const answer = useQuery(SOLUTION, { ...variables, after: null });
  const last = useRef<{ slug: string; data: SolutionPageQuery } | null>(null);
  if (answer?.data) last.current = { slug, data: answer.data };
  const data = answer?.data ?? (last.current?.slug === slug ? last.current.data : null);
  const pages = useMore(JSON.stringify(variables), answer?.data?.solution?.users, async (after) => (await request(SOLUTION, { ...variables, after })).solution!.users);

  if (answer?.error) return <ErrorNote error={answer.error} />;
  if (!data) return <Loading />;
  const x = data.solution;
  const s = t.solution;
  if (!x)
    return (
      <div class="error" role="alert">
        <h1>{t.error.title}</h1>
        <p>{s.notFound(slug)}</p>
      </div>
    );
  const asker = data.asker ?? null;
  const total = x.users.totalCount;
  return (
    <article aria-labelledby="s-title">
      <h1 id="s-title">{x.name}</h1>
      <dl class="facts">
        <dt>{s.origin}</dt>
        <dd>{x.origin ? <a href={`/gemeinde/${x.origin.ags}`}>{x.origin.name}</a> : (x.originWording ?? s.noOrigin)}</dd>
        <dt>{s.openSource}</dt>
        <dd>{x.openSource ? s.openSourceYes : s.openSourceUnknown}</dd>
        {x.repositoryUrl && (
          <>
            <dt>{s.repository}</dt>
            <dd>
              <a href={x.repositoryUrl} rel="noreferrer">
                {x.repositoryUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      {x.topics.length > 0 && (
        <section aria-labelledby="s-topics">
          <h2 id="s-topics">{s.topics}</h2>
          <TopicChips topics={x.topics} />
        </section>
      )}

      <section aria-labelledby="s-users">
        <h2 id="s-users">{s.users}</h2>
        <p class="note">{s.usersHint}</p>
        <p>
          {s.count(total)}. {asker ? s.nearest(asker.name) : s.byName}
        </p>
        {pages.edges.length > 0 && (
          <div class="with-map">
            <div>
              <ol class="participants">
                {pages.edges.map(({ node: u, distanceKm }) => (
                  <li key={u.municipality.ags}>
                    <a href={`/gemeinde/${u.municipality.ags}`}>{u.municipality.name}</a> — {u.status ? t.useStatus[u.status] : t.useStatusNone}
                    {u.date && (
                      <>
                        {' '}
                        (<PartialDateText date={u.date} />)
                      </>
                    )}
                    {u.isOrigin && <strong>, {t.municipality.ownDevelopment}</strong>}
                    {distanceKm != null && <span class="small">, {s.distance(distanceKm)}</span>}
                    {u.topicsWording.length > 0 && <div class="small">{u.topicsWording.join(', ')}</div>}
                    <SourceLinks urls={u.sources.map((y) => y.url)} />
                  </li>
                ))}
              </ol>
              <p>{s.shown(pages.edges.length, total)}</p>
              {pages.error && <ErrorNote error={pages.error} />}
              {pages.loading && <Loading />}
              {pages.hasNextPage && !pages.loading && (
                <button type="button" onClick={() => void pages.loadMore()}>
                  {s.more}
                </button>
              )}
            </div>
            <Suspense fallback={<Loading />}>
              <GermanyMap
                label={s.mapLabel(pages.edges.length)}
                caption={s.mapCaption}
                marks={[
                  ...(asker ? [{ ags: asker.ags, rank: 0, own: true, lat: asker.location?.lat ?? null, lon: asker.location?.lon ?? null }] : []),
                  ...pages.edges.map(({ node: u }, i) => ({ ags: u.municipality.ags, rank: i + 1, lat: u.municipality.location?.lat ?? null, lon: u.municipality.location?.lon ?? null })),
                ]}
              />
            </Suspense>
          </div>
        )}
      </section>

      <p class="small">
        {s.sources}:
        <SourceLinks urls={x.sources.map((y) => y.url)} />
      </p>
    </article>
  );
}
