// A funding programme: who funds it, for which Land, which years, and the municipalities public sources name as its
// participants — filtered by Land and role (in the address: /programm/…?land=…&rolle=…), paged, each with its role and
// group, on the map (the list is its text alternative) — with the pages that name them; the list downloads whole.
import { useLocation, useRoute } from 'preact-iso';
import { lazy, Suspense } from 'preact/compat';
import { useRef } from 'preact/hooks';
import { request } from '../api';
import { graphql } from '../gql';
import type { ParticipationRole, ProgrammePageQuery, State } from '../gql/graphql';
import { t } from '../strings';
import { DownloadButtons } from '../download';
import { allPages } from '../export';
import { ErrorNote, Loading, SourceLinks } from '../ui';
import { useMore } from '../use-more';
import { useQuery } from '../use-query';

const PROGRAMME = graphql(`
  query ProgrammePage($slug: String!, $state: State, $role: ParticipationRole, $after: String) {
    programme(slug: $slug) {
      slug name funder level states yearFrom yearTo isModelProjectProgramme
      sources { url }
      participants(state: $state, role: $role, first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            role group cohort projectTitle
            project { slug name }
            municipality { ags name location { lat lon } }
            sources { url }
          }
        }
      }
    }
  }
`);

// Up to eleven objects a participant (five of them sources): 400 a page keep a request within the app's cost budget.
const PARTICIPANTS_EXPORT = graphql(`
  query ProgrammeParticipantsExport($slug: String!, $state: State, $role: ParticipationRole, $after: String) {
    programme(slug: $slug) {
      participants(state: $state, role: $role, first: 400, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { role group cohort projectTitle project { name } municipality { ags name } sources { url } } }
      }
    }
  }
`);
const MOST_PARTICIPANTS = 5000;

const GermanyMap = lazy(() => import('../map'));
const ROLES: ParticipationRole[] = ['LEAD', 'PARTNER', 'MEMBER', 'MODEL_REGION', 'FINALIST', 'WINNER', 'PILOT'];

export function ProgrammePage() {
  const { params } = useRoute();
  const { query, route, path } = useLocation();
  const slug = params.slug ?? '';
  const state = (query.land as State | undefined) || null;
  const role = (query.rolle as ParticipationRole | undefined) || null;
  const variables = { slug, state, role };
  const answer = useQuery(PROGRAMME, { ...variables, after: null });
  // While a filter's answer is on its way, the page (and the focus in its filters) stays; only the list changes.
  const last = useRef<{ slug: string; data: ProgrammePageQuery } | null>(null);
  if (answer?.data) last.current = { slug, data: answer.data };
  const data = answer?.data ?? (last.current?.slug === slug ? last.current.data : null);
  const first = answer?.data?.programme?.participants;
  const pages = useMore(JSON.stringify(variables), first, async (after) => (await request(PROGRAMME, { ...variables, after })).programme!.participants);

  const set = (name: string, value: string) => {
    const next = new URLSearchParams({ ...query });
    if (value) next.set(name, value);
    else next.delete(name);
    const search = next.toString();
    route(search ? `${path}?${search}` : path);
  };

  if (answer?.error) return <ErrorNote error={answer.error} />;
  if (!data) return <Loading />;
  const g = data.programme;
  const p = t.programme;
  if (!g)
    return (
      <div class="error" role="alert">
        <h1>{t.error.title}</h1>
        <p>{p.notFound(slug)}</p>
      </div>
    );
  const years = t.format.years(g.yearFrom, g.yearTo);
  const total = g.participants.totalCount;
  return (
    <article aria-labelledby="g-title">
      <h1 id="g-title">{g.name}</h1>
      <dl class="facts">
        <dt>{p.funder}</dt>
        <dd>{g.funder}</dd>
        <dt>{p.states}</dt>
        <dd>{g.level === 'BUND' ? p.level.BUND : `${p.level.LAND}: ${g.states.map((x) => t.state[x]).join(', ')}`}</dd>
        {years && (
          <>
            <dt>{p.years}</dt>
            <dd>{years}</dd>
          </>
        )}
      </dl>
      <p class="small">
        {p.sources}:
        <SourceLinks urls={g.sources.map((x) => x.url)} />
      </p>

      <section aria-labelledby="g-participants">
        <h2 id="g-participants">{p.participants}</h2>
        <p class="note">
          {p.onlyNamed}
          {g.isModelProjectProgramme && ` ${p.modelProjects}`}
        </p>
        <form class="filters" onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>{p.filters}</legend>
            <div>
              <label for="g-land">{p.land}</label>
              <select id="g-land" value={state ?? ''} onChange={(e) => set('land', e.currentTarget.value)}>
                <option value="">{p.any}</option>
                {Object.entries(t.state).map(([key, name]) => (
                  <option key={key} value={key}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="g-role">{p.role}</label>
              <select id="g-role" value={role ?? ''} onChange={(e) => set('rolle', e.currentTarget.value)}>
                <option value="">{p.any}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t.participationRole[r]}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
        </form>
        {answer?.loading ? <Loading /> : <p aria-live="polite">{total === 0 ? p.none : p.count(total)}</p>}
        {!answer?.loading && pages.edges.length > 0 && (
          <div class="with-map">
            <div>
              <ol class="participants">
                {pages.edges.map(({ node: x }, i) => (
                  <li key={`${x.municipality.ags}-${x.group ?? ''}-${x.cohort ?? ''}-${i}`}>
                    <a href={`/gemeinde/${x.municipality.ags}`}>{x.municipality.name}</a> — {t.participationRole[x.role]}
                    {x.project ? (
                      <span class="small">
                        {' '}
                        (<a href={`/projekt/${x.project.slug}`}>{x.project.name}</a>)
                      </span>
                    ) : (
                      x.group && (
                        <span class="small">
                          {' '}
                          ({t.municipality.group}: {x.group})
                        </span>
                      )
                    )}
                    {x.cohort && <span class="small">, {x.cohort}</span>}
                    <SourceLinks urls={x.sources.map((y) => y.url)} />
                  </li>
                ))}
              </ol>
              <p>{p.shown(pages.edges.length, total)}</p>
              <DownloadButtons
                name={t.export.participantsFile(g.name)}
                load={async () => {
                  const c = t.export.col;
                  return {
                    title: t.export.participantsFile(g.name),
                    rows: await allPages(async (after) => (await request(PARTICIPANTS_EXPORT, { ...variables, after })).programme!.participants, MOST_PARTICIPANTS),
                    columns: [
                      { header: c.ags, value: ({ node: x }) => x.municipality.ags },
                      { header: c.runner, value: ({ node: x }) => x.municipality.name },
                      { header: c.role, value: ({ node: x }) => t.participationRole[x.role] ?? x.role },
                      { header: c.project, value: ({ node: x }) => x.project?.name ?? x.projectTitle },
                      { header: c.group, value: ({ node: x }) => x.group },
                      { header: c.cohort, value: ({ node: x }) => x.cohort },
                      { header: c.sources, value: ({ node: x }) => x.sources.map((y) => y.url).join(' ') },
                    ],
                  };
                }}
              />
              {pages.error && <ErrorNote error={pages.error} />}
              {pages.loading && <Loading />}
              {pages.hasNextPage && !pages.loading && (
                <button type="button" onClick={() => void pages.loadMore()}>
                  {p.more}
                </button>
              )}
            </div>
            <Suspense fallback={<Loading />}>
              <GermanyMap
                label={p.mapLabel(pages.edges.length)}
                caption={p.mapCaption}
                marks={pages.edges.map(({ node: x }, i) => ({ ags: x.municipality.ags, rank: i + 1, lat: x.municipality.location?.lat ?? null, lon: x.municipality.location?.lon ?? null }))}
              />
            </Suspense>
          </div>
        )}
      </section>
    </article>
  );
}
