// A municipality: what the register says, its topics, projects and measures (with status and as-of
// date), events, exchange links and contacts — each fact with its source, contacts as the API's
// privacy rule shows them to this viewer.
import { useRoute } from 'preact-iso';
import { graphql } from '../gql';
import { t } from '../strings';
import { ContactLine, ErrorNote, Loading, SourceLinks } from '../ui';
import { useQuery } from '../use-query';

const MUNICIPALITY = graphql(`
  query MunicipalityPage($ags: String!) {
    municipality(ags: $ags) {
      ags name kind population sizeClass urbanisation
      kreis { ags name }
      land { name }
      topics { slug name }
      inheritedTopics { topic { slug name } via { from { ags name } project { name } } }
      projects(first: 10) {
        totalCount
        edges {
          role
          node {
            slug name sources
            measures { slug name status statusAsOf sources { url } }
          }
        }
      }
      eventsAttended { slug title startsOn }
      eventsHosted { slug title startsOn }
      exchanges { kind partner { ags name } sinceDate { value } topicWording sources { url } }
      contacts { uuid name role email phone }
    }
  }
`);

const year = (date: string | null | undefined) => (date ? date.slice(0, 4) : null);

export function MunicipalityPage() {
  const { params } = useRoute();
  const ags = params.ags ?? '';
  const state = useQuery(MUNICIPALITY, { ags });
  if (!state || state.loading) return <Loading />;
  if (state.error) return <ErrorNote error={state.error} />;
  const m = state.data.municipality;
  if (!m)
    return (
      <div class="error" role="alert">
        <h1>{t.error.title}</h1>
        <p>{t.error.notFound(ags)}</p>
      </div>
    );
  const s = t.municipality;
  const events = [...m.eventsAttended.map((e) => ({ ...e, how: s.attended })), ...m.eventsHosted.map((e) => ({ ...e, how: s.hosted }))];
  return (
    <article aria-labelledby="m-title">
      <h1 id="m-title">{m.name}</h1>
      <p>
        <a href={`/partner?ags=${m.ags}`}>{t.municipality.findPeers}</a>
      </p>
      <section aria-labelledby="m-facts">
        <h2 id="m-facts">{s.facts}</h2>
        <dl class="facts">
          <dt>{s.kind}</dt>
          <dd>{t.kind[m.kind]}</dd>
          {m.kreis && (
            <>
              <dt>{s.kreis}</dt>
              <dd>
                <a href={`/gemeinde/${m.kreis.ags}`}>{m.kreis.name}</a>
              </dd>
            </>
          )}
          {m.land && (
            <>
              <dt>{s.land}</dt>
              <dd>{m.land.name}</dd>
            </>
          )}
          <dt>{s.population}</dt>
          <dd>{m.population == null ? s.unknown : t.format.number(m.population)}</dd>
          <dt>{s.sizeClass}</dt>
          <dd>{m.sizeClass ? t.sizeClass[m.sizeClass] : s.unknown}</dd>
          <dt>{s.urbanisation}</dt>
          <dd>{m.urbanisation ? t.urbanisation[m.urbanisation] : s.unknown}</dd>
        </dl>
        <p class="small">
          {s.source}: {s.register}
        </p>
      </section>

      <section aria-labelledby="m-topics">
        <h2 id="m-topics">{s.topics}</h2>
        {m.topics.length === 0 ? (
          <p>{s.noTopics}</p>
        ) : (
          <ul class="chips">
            {m.topics.map((topic) => (
              <li key={topic.slug}>{topic.name}</li>
            ))}
          </ul>
        )}
      </section>

      {m.inheritedTopics.length > 0 && (
        <section aria-labelledby="m-inherited">
          <h2 id="m-inherited">{s.inherited}</h2>
          <p class="small">{s.inheritedHint}</p>
          <ul>
            {m.inheritedTopics.map((x) => (
              <li key={x.topic.slug}>
                <span class="chip-inline">{x.topic.name}</span> ({s.inheritedMark}) —{' '}
                {x.via.map((v, i) => (
                  <span key={`${v.from.ags}-${v.project.name}`}>
                    {i > 0 && '; '}
                    {s.via} <a href={`/gemeinde/${v.from.ags}`}>{v.from.name}</a> ({v.project.name})
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="m-projects">
        <h2 id="m-projects">{s.projects}</h2>
        {m.projects.edges.length === 0 && <p>{s.noProjects}</p>}
        <ul>
          {m.projects.edges.map(({ role, node }) => (
            <li key={node.slug}>
              <strong>{node.name}</strong> <span class="small">({s.role[role]})</span>
              <SourceLinks urls={node.sources} />
              {node.measures.length > 0 && (
                <ul>
                  {node.measures.map((measure) => (
                    <li key={measure.slug}>
                      {measure.name} — {t.status[measure.status]}
                      {measure.statusAsOf && <span class="small"> ({s.asOf(measure.statusAsOf)})</span>}
                      <SourceLinks urls={measure.sources.map((x) => x.url)} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        {m.projects.totalCount > m.projects.edges.length && <p class="small">{s.moreProjects(m.projects.edges.length, m.projects.totalCount)}</p>}
      </section>

      <section aria-labelledby="m-events">
        <h2 id="m-events">{s.events}</h2>
        {events.length === 0 ? (
          <p>{s.noEvents}</p>
        ) : (
          <ul>
            {events.map((e) => (
              <li key={`${e.how}-${e.slug}`}>
                {e.title} <span class="small">({e.how}{e.startsOn ? `, ${e.startsOn}` : ''})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="m-exchanges">
        <h2 id="m-exchanges">{s.exchanges}</h2>
        {m.exchanges.length === 0 ? (
          <p>{s.noExchanges}</p>
        ) : (
          <ul>
            {m.exchanges.map((x) => (
              <li key={`${x.kind}-${x.partner.ags}`}>
                <a href={`/gemeinde/${x.partner.ags}`}>{x.partner.name}</a> — {t.exchangeKind(x.kind)}
                {x.topicWording && `, ${x.topicWording}`}
                {year(x.sinceDate?.value) && `, ${s.since(year(x.sinceDate?.value)!)}`}
                <SourceLinks urls={x.sources.map((y) => y.url)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="m-contacts">
        <h2 id="m-contacts">{s.contacts}</h2>
        {m.contacts.length === 0 ? (
          <p>{s.noContacts}</p>
        ) : (
          <ul>
            {m.contacts.map((c) => (
              <li key={c.uuid}>
                <ContactLine contact={c} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
