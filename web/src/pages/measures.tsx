// Projects and measures: the filters the programme's measures database offers (topic, status, Land, size
// class, cohort, a keyword), the totals per status, paged by the API's cursors ("Weitere laden").
// The filters live in the address (/massnahmen?thema=…), the pages loaded so far in the component; the download
// takes every measure the filters match, paged through 80 at a time (a row may carry 20 runners and 5 sources:
// 80 keep a page within the app's cost budget).
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request } from '../api';
import { graphql } from '../gql';
import type { MeasureFilter, MeasureStatus, MeasuresPageQuery, SizeClass, State } from '../gql/graphql';
import { t } from '../strings';
import { DownloadButtons } from '../download';
import { allPages } from '../export';
import { FilterPanel } from '../filter-panel';
import { ErrorNote, Loading, SourceLinks, TableRegion } from '../ui';
import { useQuery } from '../use-query';

const TOPICS = graphql(`
  query MeasureTopics {
    topics(filter: { fieldsOfAction: true }, first: 100) { edges { node { slug name subtopics { slug name } } } }
  }
`);

const MEASURES = graphql(`
  query MeasuresPage($filter: MeasureFilter, $after: String) {
    measures(filter: $filter, first: 20, after: $after) {
      totalCount
      byStatus { status count }
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          slug name status statusAsOf
          project { slug name runners { municipality { ags name } } }
          sources { url }
        }
      }
    }
  }
`);

const MEASURES_EXPORT = graphql(`
  query MeasuresExport($filter: MeasureFilter, $after: String) {
    measures(filter: $filter, first: 80, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { slug name status statusAsOf project { name runners { municipality { ags name } } } sources { url } } }
    }
  }
`);
// Twice the measures the data holds; the API's pages reach 1,000.
const MOST_MEASURES = 1000;

const STATUSES: MeasureStatus[] = ['IMPLEMENTED', 'IN_PROGRESS', 'PLANNED', 'UNKNOWN'];
const SIZE_CLASSES: SizeClass[] = ['GROSSSTADT', 'MITTELSTADT', 'KLEINSTADT', 'LANDGEMEINDE'];
const COHORTS = [2019, 2020, 2021];
const m = t.measures;
type Edge = MeasuresPageQuery['measures']['edges'][number];

export function MeasuresPage() {
  const { query, route } = useLocation();
  const filter: MeasureFilter = {
    ...(query.thema ? { topic: query.thema } : {}),
    ...(query.stand ? { status: [query.stand as MeasureStatus] } : {}),
    ...(query.land ? { state: query.land as State } : {}),
    ...(query.groesse ? { sizeClass: query.groesse as SizeClass } : {}),
    ...(query.staffel ? { cohort: Number(query.staffel) } : {}),
    ...(query.text ? { text: query.text } : {}),
  };
  const key = JSON.stringify(filter);
  const topics = useQuery(TOPICS, {});
  const first = useQuery(MEASURES, { filter, after: null });
  const [more, setMore] = useState<{ edges: Edge[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [loadingMore, setLoadingMore] = useState<boolean>(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [text, setText] = useState(query.text ?? '');
  useEffect(() => {
    setMore(null);
    setMoreError(null);
  }, [key]);

  const set = (name: string, value: string) => {
    const next = new URLSearchParams({ ...query });
    if (value) next.set(name, value);
    else next.delete(name);
    route(`/massnahmen?${next.toString()}`);
  };
  const select = (id: string, label: string, name: string, options: [string, string][]) => (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={query[name] ?? ''} onChange={(e) => set(name, e.currentTarget.value)}>
        <option value="">{m.any}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  const data = first?.data?.measures;
  const edges = [...(data?.edges ?? []), ...(more?.edges ?? [])];
  const page = more ?? (data ? { endCursor: data.pageInfo.endCursor ?? null, hasNextPage: data.pageInfo.hasNextPage } : null);
  const loadMore = async () => {
    if (!page?.endCursor) return;
    setLoadingMore(true);
    try {
      const next = await request(MEASURES, { filter, after: page.endCursor });
      setMore({ edges: [...(more?.edges ?? []), ...next.measures.edges], endCursor: next.measures.pageInfo.endCursor ?? null, hasNextPage: next.measures.pageInfo.hasNextPage });
    } catch (error) {
      setMoreError(error as ApiError);
    } finally {
      setLoadingMore(false);
    }
  };

  const topicOptions: [string, string][] = (topics?.data?.topics.edges ?? []).flatMap(({ node }) => [[node.slug, node.name] as [string, string], ...node.subtopics.map((s) => [s.slug, `— ${s.name}`] as [string, string])]);
  return (
    <section aria-labelledby="measures-title">
      <h1 id="measures-title">{m.title}</h1>
      <p>{m.intro}</p>
      <FilterPanel summary={m.filterPanel(Object.keys(filter).length)}>
        <form
          class="filters"
          onSubmit={(event) => {
            event.preventDefault();
            set('text', text.trim());
          }}
        >
          <fieldset>
            <legend>{m.filters}</legend>
            {select('m-topic', m.topic, 'thema', topicOptions)}
            {select('m-status', m.status, 'stand', STATUSES.map((s) => [s, t.status[s]!]))}
            {select('m-land', m.land, 'land', Object.entries(t.state))}
            {select('m-size', m.sizeClass, 'groesse', SIZE_CLASSES.map((s) => [s, t.sizeClass[s]!]))}
            {select('m-cohort', m.cohort, 'staffel', COHORTS.map((c) => [String(c), String(c)]))}
            <div>
              <label for="m-text">{m.text}</label>
              <input id="m-text" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
            </div>
            <button type="submit">{m.apply}</button>
          </fieldset>
        </form>
      </FilterPanel>
      {first?.loading && <Loading />}
      {first?.error && <ErrorNote error={first.error} />}
      {data && (
        <div aria-live="polite">
          <h2>{m.total(data.totalCount)}</h2>
          <p>
            {m.byStatus}: {data.byStatus.map((b) => `${t.status[b.status]} ${b.count.toLocaleString('de-DE')}`).join(' · ')}
          </p>
          {edges.length === 0 ? (
            <p>{m.none}</p>
          ) : (
            <TableRegion caption={m.title}>
              <table>
                <caption class="visually-hidden">{m.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.municipality.projects}</th>
                    <th scope="col">{m.status}</th>
                    <th scope="col">{m.project}</th>
                    <th scope="col">{m.runners}</th>
                  </tr>
                </thead>
                <tbody>
                  {edges.map(({ node }) => (
                    <tr key={node.slug}>
                      <td>
                        <a href={`/massnahme/${node.slug}`}>{node.name}</a>
                        <SourceLinks urls={node.sources.map((s) => s.url)} />
                      </td>
                      <td>
                        {t.status[node.status]}
                        {node.statusAsOf && <span class="small"> ({t.municipality.asOf(node.statusAsOf)})</span>}
                      </td>
                      <td>{node.project && <a href={`/projekt/${node.project.slug}`}>{node.project.name}</a>}</td>
                      <td>
                        {node.project?.runners.map((r, i) => (
                          <span key={r.municipality.ags}>
                            {i > 0 && ', '}
                            <a href={`/gemeinde/${r.municipality.ags}`}>{r.municipality.name}</a>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          <p>{m.shown(edges.length, data.totalCount)}</p>
          {edges.length > 0 && (
            <DownloadButtons
              name={t.export.measuresFile}
              load={async () => {
                const c = t.export.col;
                return {
                  title: t.export.measuresFile,
                  rows: await allPages(async (after) => (await request(MEASURES_EXPORT, { filter, after })).measures, MOST_MEASURES),
                  columns: [
                    { header: c.name, value: ({ node }) => node.name },
                    { header: c.status, value: ({ node }) => t.status[node.status] ?? node.status },
                    { header: c.statusAsOf, value: ({ node }) => (node.statusAsOf ? t.format.isoDate(node.statusAsOf) : null) },
                    { header: c.project, value: ({ node }) => node.project?.name },
                    { header: c.runners, value: ({ node }) => node.project?.runners.map((r) => r.municipality.name).join(', ') },
                    { header: c.ags, value: ({ node }) => node.project?.runners.map((r) => r.municipality.ags).join(', ') },
                    { header: c.sources, value: ({ node }) => node.sources.map((x) => x.url).join(' ') },
                  ],
                };
              }}
            />
          )}
          {moreError && <ErrorNote error={moreError} />}
          {loadingMore && <Loading />}
          {page?.hasNextPage && !loadingMore && (
            <button type="button" onClick={() => void loadMore()}>
              {m.next}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
