// A municipality: what the register says, its topics, projects and measures (with status and as-of
// date), funding programmes, re-usable solutions it runs, its Bitkom index ranks, events, exchange
// links, published contact points and contacts — each fact with its source, contacts as the API's
// privacy rule shows them to this viewer.
import { useRoute } from 'preact-iso';
import { graphql } from '../gql';
import { t } from '../strings';
import { ContactLine, ContactPointLine, ErrorNote, Loading, PartialDateText, SourceLinks } from '../ui';
import { useQuery } from '../use-query';

const MUNICIPALITY = graphql(`
  query MunicipalityPage($ags: String!) {
    municipality(ags: $ags) {
      ags name kind population sizeClass urbanisation
      kreis { ags name }
      land { name }
      topics { slug name }
      inheritedTopics { topic { slug name } via { from { ags name } project { slug name } } }
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
      exchanges { kind partner { ags name } sinceDate { value precision } topicWording sources { url } }
      contacts { uuid name role email phone }
    }
  }
`);

// Programmes, re-usable solutions, index ranks and contact points: a second request, so that each stays well within the
// API's cost limit (its lists are costed at their caps).
const ACTIVITY = graphql(`
  query MunicipalityActivity($ags: String!) {
    municipality(ags: $ags) {
      ags
      programmes {
        role group cohort yearFrom yearTo projectTitle topicsWording topicsAreProgrammeFields
        programme { slug name isModelProjectProgramme }
        project { slug name }
        sources { url }
      }
      solutionsUsed {
        status isOrigin topicsWording
        date { value precision }
        solution { slug name }
        sources { url }
      }
      smartCityIndex { year rank score sources { url } }
      contactPoints {
        unit municipalityWording email emailBasis phone phoneBasis web contactPage
        asOf { value precision }
        project { slug name }
        sources { url }
      }
    }
  }
`);

// A group's other members. Not asked with the participations: `fellowMembers` under `programmes` costs more than half
// the limit at the lists' caps; a programme's participants (at most 61 outside the model projects) or a model
// project's runners cost a few hundred.
const PROGRAMME_GROUP = graphql(`
  query ProgrammeGroup($slug: String!) {
    programme(slug: $slug) {
      participants(first: 100) { totalCount edges { node { group municipality { ags name } } } }
    }
  }
`);

const PROJECT_RUNNERS = graphql(`
  query ProjectRunners($slug: String!) {
    project(slug: $slug) { runners { municipality { ags name } } }
  }
`);

export function MunicipalityPage() {
  const { params } = useRoute();
  const ags = params.ags ?? '';
  const state = useQuery(MUNICIPALITY, { ags });
  const activity = useQuery(ACTIVITY, { ags });
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
  const a = activity?.data?.municipality ?? null;
  const activityNote = activity?.error ? <ErrorNote error={activity.error} /> : !a && activity?.loading ? <Loading /> : null;
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
              <li key={topic.slug}>
                <a href={`/thema/${topic.slug}`}>{topic.name}</a>
              </li>
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
                <a class="chip-inline" href={`/thema/${x.topic.slug}`}>
                  {x.topic.name}
                </a> ({s.inheritedMark}) —{' '}
                {x.via.map((v, i) => (
                  <span key={`${v.from.ags}-${v.project.name}`}>
                    {i > 0 && '; '}
                    {s.via} <a href={`/gemeinde/${v.from.ags}`}>{v.from.name}</a> (<a href={`/projekt/${v.project.slug}`}>{v.project.name}</a>)
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
              <strong>
                <a href={`/projekt/${node.slug}`}>{node.name}</a>
              </strong>{' '}
              <span class="small">({s.role[role]})</span>
              <SourceLinks urls={node.sources} />
              {node.measures.length > 0 && (
                <ul>
                  {node.measures.map((measure) => (
                    <li key={measure.slug}>
                      <a href={`/massnahme/${measure.slug}`}>{measure.name}</a> — {t.status[measure.status]}
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

      {activityNote}
      {a && (
        <>
          <section aria-labelledby="m-programmes">
            <h2 id="m-programmes">{s.programmes}</h2>
            {a.programmes.length === 0 ? (
              <p>{s.noProgrammes}</p>
            ) : (
              <ul>
                {a.programmes.map((x) => {
                  const when = [x.cohort, x.cohort ? null : t.format.years(x.yearFrom, x.yearTo)].filter(Boolean).join(', ');
                  return (
                    <li key={`${x.programme.slug}-${x.group ?? ''}-${x.cohort ?? ''}`}>
                      <a href={`/programm/${x.programme.slug}`}>{x.programme.name}</a> — {t.participationRole[x.role]}
                      {when && <span class="small"> ({when})</span>}
                      {x.programme.isModelProjectProgramme
                        ? x.project && (
                            <div>
                              {s.modelProject}: <a href={`/projekt/${x.project.slug}`}>{x.project.name}</a>
                            </div>
                          )
                        : x.projectTitle && <div>{x.projectTitle}</div>}
                      {!x.programme.isModelProjectProgramme && x.group && (
                        <div>
                          {s.group}: {x.group}
                        </div>
                      )}
                      {(x.group || x.project) && <Fellows self={m.ags} programme={x.programme} group={x.group} project={x.project?.slug ?? null} />}
                      {x.topicsWording.length > 0 && (
                        <div>
                          {s.topicsWording}: {x.topicsWording.join(', ')}
                          {x.topicsAreProgrammeFields && <span class="small"> — {s.programmeFields}</span>}
                        </div>
                      )}
                      <SourceLinks urls={x.sources.map((y) => y.url)} />
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <section aria-labelledby="m-solutions">
            <h2 id="m-solutions">{s.solutions}</h2>
            {a.solutionsUsed.length === 0 ? (
              <p>{s.noSolutions}</p>
            ) : (
              <ul>
                {a.solutionsUsed.map((x) => (
                  <li key={x.solution.slug}>
                    <a href={`/loesung/${x.solution.slug}?ags=${m.ags}`}>{x.solution.name}</a> — {x.status ? t.useStatus[x.status] : t.useStatusNone}
                    {x.date && (
                      <>
                        {' '}
                        (<PartialDateText date={x.date} />)
                      </>
                    )}
                    {x.isOrigin && <strong>, {s.ownDevelopment}</strong>}
                    {x.topicsWording.length > 0 && (
                      <div>
                        {s.usedFor}: {x.topicsWording.join(', ')}
                      </div>
                    )}
                    <SourceLinks urls={x.sources.map((y) => y.url)} />
                  </li>
                ))}
              </ul>
            )}
          </section>

          {a.smartCityIndex.length > 0 && (
            <section aria-labelledby="m-index">
              <h2 id="m-index">{s.index}</h2>
              <p class="small">{s.indexHint}</p>
              <ul>
                {a.smartCityIndex.map((x) => (
                  <li key={x.year}>
                    {s.rank(x.rank, x.year)}
                    {x.score != null && `, ${s.score(x.score)}`}
                    <SourceLinks urls={x.sources.map((y) => y.url)} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      <section aria-labelledby="m-events">
        <h2 id="m-events">{s.events}</h2>
        {events.length === 0 ? (
          <p>{s.noEvents}</p>
        ) : (
          <ul>
            {events.map((e) => (
              <li key={`${e.how}-${e.slug}`}>
                <a href={`/veranstaltung/${e.slug}`}>{e.title}</a> <span class="small">({e.how}{e.startsOn ? `, ${t.format.isoDate(e.startsOn)}` : ''})</span>
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
                {x.sinceDate && `, ${s.since(t.format.partialDate(x.sinceDate))}`}
                <SourceLinks urls={x.sources.map((y) => y.url)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {a && (
        <section aria-labelledby="m-contact-points">
          <h2 id="m-contact-points">{s.contactPoints}</h2>
          {a.contactPoints.length === 0 ? (
            <p>{s.noContactPoints}</p>
          ) : (
            <>
              <p class="small">{s.contactPointsHint}</p>
              <ul>
                {a.contactPoints.map((c, i) => (
                  <li key={i}>
                    <ContactPointLine point={c} />
                    <span class="small">
                      {' '}
                      ({t.contactPoint.forProject} <a href={`/projekt/${c.project.slug}`}>{c.project.name}</a>)
                    </span>
                    <SourceLinks urls={c.sources.map((y) => y.url)} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

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

/** The other members of a municipality's group in a programme (for a model project: its other runners), each linked. */
function Fellows({ self, programme, group, project }: { self: string; programme: { slug: string; isModelProjectProgramme: boolean }; group: string | null; project: string | null }) {
  const byProject = programme.isModelProjectProgramme && project !== null;
  const runners = useQuery(PROJECT_RUNNERS, { slug: project ?? '' }, !byProject);
  const participants = useQuery(PROGRAMME_GROUP, { slug: programme.slug }, byProject || group === null);
  const members = byProject
    ? (runners?.data?.project?.runners.map((r) => r.municipality) ?? [])
    : (participants?.data?.programme?.participants.edges.filter((e) => e.node.group === group).map((e) => e.node.municipality) ?? []);
  const fellows = members.filter((f, i) => f.ags !== self && members.findIndex((g) => g.ags === f.ags) === i);
  if (fellows.length === 0) return null;
  return (
    <div>
      {t.municipality.fellows}:{' '}
      {fellows.map((f, i) => (
        <span key={f.ags}>
          {i > 0 && ', '}
          <a href={`/gemeinde/${f.ags}`}>{f.name}</a>
        </span>
      ))}
    </div>
  );
}
