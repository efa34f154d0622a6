// A measure: its description in the editors' words, how far it has got (with the source's own words and the date of
// that statement), its project and runners, its topics, the same kind of thing done elsewhere, and its sources.
import { useRoute } from 'preact-iso';
import { graphql } from '../gql';
import type { MeasurePageQuery } from '../gql/graphql';
import { t } from '../strings';
import { ErrorNote, Loading, NotFoundAlert, RunnerLinks, SourceList, TopicChips } from '../ui';
import { useQuery } from '../use-query';

const MEASURE = graphql(`
  query MeasurePage($slug: String!) {
    measure(slug: $slug) {
      slug name description status statusWording statusAsOf knownOnlyByName
      project { slug name runners { role municipality { ags name } } }
      topicLinks { basis topic { slug name parent { slug } } }
      sources { url }
    }
  }
`);

// The API has no similarity of measures: the measures of the same topic are its nearest honest answer, those of the
// measure's own runners left out in the page. A page of 20 leaves enough once they are.
const SAME_TOPIC = graphql(`
  query MeasuresOfTopic($topic: String!) {
    measures(filter: { topic: $topic }, first: 20) {
      totalCount
      edges {
        node {
          slug name status statusAsOf
          project { slug runners { municipality { ags name } } }
        }
      }
    }
  }
`);

type Link = NonNullable<MeasurePageQuery['measure']>['topicLinks'][number];

/**
 * The topic to compare by: the most specific one the measure itself carries — a sub-topic before a field of action,
 * and one from the measure's own words before one inherited from its project (which every sibling shares).
 */
function comparisonTopic(links: readonly Link[]): Link['topic'] | null {
  const rank = (l: Link) => (l.basis === 'PROJECT' ? 2 : 0) + (l.topic.parent ? 0 : 1);
  return [...links].sort((a, b) => rank(a) - rank(b))[0]?.topic ?? null;
}

export function MeasurePage() {
  const { params } = useRoute();
  const slug = params.slug ?? '';
  const state = useQuery(MEASURE, { slug });
  const m = state?.data?.measure ?? null;
  const topic = m ? comparisonTopic(m.topicLinks) : null;
  const similar = useQuery(SAME_TOPIC, { topic: topic?.slug ?? '' }, topic === null);
  if (!state || state.loading) return <Loading />;
  if (state.error) return <ErrorNote error={state.error} />;
  const s = t.measure;
  if (!m) return <NotFoundAlert text={s.notFound(slug)} />;
  const own = new Set(m.project?.runners.map((r) => r.municipality.ags) ?? []);
  const elsewhere = (similar?.data?.measures.edges ?? [])
    .map((e) => e.node)
    .filter((x) => x.slug !== m.slug && !(x.project?.runners ?? []).some((r) => own.has(r.municipality.ags)))
    .slice(0, 10);
  return (
    <article aria-labelledby="ms-title">
      <h1 id="ms-title">{m.name}</h1>
      <section aria-labelledby="ms-description">
        <h2 id="ms-description">{s.description}</h2>
        <p>{m.description ?? s.noDescription}</p>
      </section>

      <section aria-labelledby="ms-facts">
        <h2 id="ms-facts">{s.facts}</h2>
        <dl class="facts">
          <dt>{s.status}</dt>
          <dd>
            {t.status[m.status]}
            {m.statusAsOf && ` (${t.municipality.asOf(m.statusAsOf)})`}
            {m.statusWording && <span class="small"> — {s.statusWording(m.statusWording)}</span>}
          </dd>
          {m.project && (
            <>
              <dt>{s.project}</dt>
              <dd>
                <a href={`/projekt/${m.project.slug}`}>{m.project.name}</a>
              </dd>
              <dt>{s.runners}</dt>
              <dd>
                <RunnerLinks runners={m.project.runners} roles />
              </dd>
            </>
          )}
        </dl>
      </section>

      {m.topicLinks.length > 0 && (
        <section aria-labelledby="ms-topics">
          <h2 id="ms-topics">{s.topics}</h2>
          <TopicChips topics={m.topicLinks.map((l) => l.topic)} />
        </section>
      )}

      {topic && (
        <section aria-labelledby="ms-similar">
          <h2 id="ms-similar">{s.similar(topic.name)}</h2>
          {similar?.loading && <Loading />}
          {similar?.error && <ErrorNote error={similar.error} />}
          {similar?.data &&
            (elsewhere.length === 0 ? (
              <p>{s.noSimilar}</p>
            ) : (
              <ul>
                {elsewhere.map((x) => (
                  <li key={x.slug}>
                    <a href={`/massnahme/${x.slug}`}>{x.name}</a> — {t.status[x.status]}
                    {x.statusAsOf && <span class="small"> ({t.municipality.asOf(x.statusAsOf)})</span>}
                    {x.project && x.project.runners.length > 0 && (
                      <span class="small">
                        {' '}
                        (<RunnerLinks runners={x.project.runners} />)
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            ))}
          <p>
            <a href={`/massnahmen?thema=${encodeURIComponent(topic.slug)}`}>{t.topic.allMeasures}</a>
          </p>
        </section>
      )}
      <SourceList id="ms-sources" urls={m.sources.map((x) => x.url)} />
    </article>
  );
}
