// A topic: what it covers, its field of action or sub-topics, the projects and measures addressing it (with its
// sub-topics), the municipalities working on it — the projects' runners and those that declared an interest —
// listed and on the map (the list is the map's text alternative), and the events that covered it.
import { useRoute } from 'preact-iso';
import { lazy, Suspense } from 'preact/compat';
import { useEffect } from 'preact/hooks';
import { request } from '../api';
import { graphql } from '../gql';
import { t } from '../strings';
import { ErrorNote, Loading, NotFoundAlert, RunnerLinks } from '../ui';
import { useMore } from '../use-more';
import { useQuery } from '../use-query';

const TOPIC = graphql(`
  query TopicPage($slug: String!) {
    topic(slug: $slug) {
      slug name description
      parent { slug name }
      subtopics { slug name }
      events { slug title startsOn }
      interestedMunicipalities(first: 100) { edges { node { ags name location { lat lon } } } }
    }
  }
`);

// Pages of 50 (what the cost limit allows with every runner's position); the page asks for all of them, since the
// municipalities on the map are those of every project (a topic has at most the programme's 73 or so).
const PROJECTS = graphql(`
  query TopicProjects($slug: String!, $after: String) {
    topic(slug: $slug) {
      projects(first: 50, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { slug name runners { role municipality { ags name location { lat lon } } } } }
      }
    }
  }
`);

const MEASURES = graphql(`
  query TopicMeasures($slug: String!, $after: String) {
    topic(slug: $slug) {
      measures(first: 20, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { slug name status statusAsOf project { slug name } } }
      }
    }
  }
`);

const GermanyMap = lazy(() => import('../map'));

interface Worker {
  ags: string;
  name: string;
  location?: { lat: number; lon: number } | null;
  interested: boolean;
}

export function TopicPage() {
  const { params } = useRoute();
  const slug = params.slug ?? '';
  const state = useQuery(TOPIC, { slug });
  const projects = useQuery(PROJECTS, { slug, after: null });
  const allProjects = useMore(slug, projects?.data?.topic?.projects, async (after) => (await request(PROJECTS, { slug, after })).topic!.projects);
  const measures = useQuery(MEASURES, { slug, after: null });
  const moreMeasures = useMore(slug, measures?.data?.topic?.measures, async (after) => (await request(MEASURES, { slug, after })).topic!.measures);
  // Every page of projects, one after the other, so that the list of municipalities and the map are whole.
  useEffect(() => {
    if (allProjects.hasNextPage && !allProjects.loading && !allProjects.error) void allProjects.loadMore();
  }, [allProjects.hasNextPage, allProjects.loading, allProjects.error, allProjects.edges.length]);

  if (!state || state.loading) return <Loading />;
  if (state.error) return <ErrorNote error={state.error} />;
  const x = state.data.topic;
  const s = t.topic;
  if (!x) return <NotFoundAlert text={s.notFound(slug)} />;
  const projectsTotal = projects?.data?.topic?.projects.totalCount ?? 0;
  const projectsComplete = projects?.data != null && !allProjects.hasNextPage;
  const workers = new Map<string, Worker>();
  for (const { node } of allProjects.edges) for (const r of node.runners) workers.set(r.municipality.ags, { ...r.municipality, interested: false });
  for (const { node } of x.interestedMunicipalities.edges) if (!workers.has(node.ags)) workers.set(node.ags, { ...node, interested: true });
  const listed = [...workers.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const measuresTotal = measures?.data?.topic?.measures.totalCount ?? 0;
  return (
    <article aria-labelledby="t-title">
      <h1 id="t-title">{x.name}</h1>
      {x.description && <p>{x.description}</p>}
      {x.parent && (
        <p>
          {s.fieldOfAction}: <a href={`/thema/${x.parent.slug}`}>{x.parent.name}</a>
        </p>
      )}
      {x.subtopics.length > 0 && (
        <section aria-labelledby="t-subtopics">
          <h2 id="t-subtopics">{s.subtopics}</h2>
          <ul class="chips">
            {x.subtopics.map((sub) => (
              <li key={sub.slug}>
                <a href={`/thema/${sub.slug}`}>{sub.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="t-projects">
        <h2 id="t-projects">{s.projects}</h2>
        {projects?.error && <ErrorNote error={projects.error} />}
        {allProjects.error && <ErrorNote error={allProjects.error} />}
        {projects?.data && allProjects.edges.length === 0 && <p>{s.noProjects}</p>}
        <ul>
          {allProjects.edges.map(({ node }) => (
            <li key={node.slug}>
              <a href={`/projekt/${node.slug}`}>{node.name}</a>
              {node.runners.length > 0 && (
                <span class="small">
                  {' '}
                  (<RunnerLinks runners={node.runners} />)
                </span>
              )}
            </li>
          ))}
        </ul>
        {!projectsComplete ? <Loading /> : projectsTotal > 0 && <p class="small">{s.shown(allProjects.edges.length, projectsTotal)}</p>}
      </section>

      <section aria-labelledby="t-municipalities">
        <h2 id="t-municipalities">{s.municipalities}</h2>
        <p class="note">{s.municipalitiesHint}</p>
        {projectsComplete && listed.length === 0 && <p>{s.noMunicipalities}</p>}
        {projectsComplete && listed.length > 0 && (
          <div class="with-map">
            <ol class="participants">
              {listed.map((m) => (
                <li key={m.ags}>
                  <a href={`/gemeinde/${m.ags}`}>{m.name}</a>
                  {m.interested && <span class="small"> ({s.interested})</span>}
                </li>
              ))}
            </ol>
            <Suspense fallback={<Loading />}>
              <GermanyMap
                label={s.mapLabel(listed.length)}
                caption={s.mapCaption}
                marks={listed.map((m, i) => ({ ags: m.ags, rank: i + 1, lat: m.location?.lat ?? null, lon: m.location?.lon ?? null }))}
              />
            </Suspense>
          </div>
        )}
      </section>

      <section aria-labelledby="t-measures">
        <h2 id="t-measures">{s.measures}</h2>
        {measures?.loading && <Loading />}
        {measures?.error && <ErrorNote error={measures.error} />}
        {measures?.data && moreMeasures.edges.length === 0 && <p>{s.noMeasures}</p>}
        <ul>
          {moreMeasures.edges.map(({ node }) => (
            <li key={node.slug}>
              <a href={`/massnahme/${node.slug}`}>{node.name}</a> — {t.status[node.status]}
              {node.statusAsOf && <span class="small"> ({t.municipality.asOf(node.statusAsOf)})</span>}
              {node.project && (
                <span class="small">
                  {' '}
                  (<a href={`/projekt/${node.project.slug}`}>{node.project.name}</a>)
                </span>
              )}
            </li>
          ))}
        </ul>
        {measuresTotal > 0 && <p>{s.shown(moreMeasures.edges.length, measuresTotal)}</p>}
        {moreMeasures.error && <ErrorNote error={moreMeasures.error} />}
        {moreMeasures.loading && <Loading />}
        {moreMeasures.hasNextPage && !moreMeasures.loading && (
          <button type="button" onClick={() => void moreMeasures.loadMore()}>
            {s.more}
          </button>
        )}
      </section>

      <section aria-labelledby="t-events">
        <h2 id="t-events">{s.events}</h2>
        {x.events.length === 0 ? (
          <p>{s.noEvents}</p>
        ) : (
          <ul>
            {x.events.map((e) => (
              <li key={e.slug}>
                <a href={`/veranstaltung/${e.slug}`}>{e.title}</a>
                {e.startsOn && <span class="small"> ({t.format.isoDate(e.startsOn)})</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
