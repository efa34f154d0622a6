// A project: its runners (lead and partners), where it stands (status, phase in the sources' words), its funding
// with the editors' note on it, what it does (its measures), its topics in the sources' words and in the API's
// taxonomy, whom to call (published contact points; contact persons as the privacy rule shows them), and its sources.
import { useRoute } from 'preact-iso';
import { graphql } from '../gql';
import { t } from '../strings';
import { ContactLine, ContactPointLine, ErrorNote, Loading, NotFoundAlert, RunnerLinks, SourceLinks, SourceList, TopicChips } from '../ui';
import { useQuery } from '../use-query';

const PROJECT = graphql(`
  query ProjectPage($slug: String!) {
    project(slug: $slug) {
      slug name title summary status programme cohort category url startDate endDate
      sources fundingEur fundingBound fundingNote topicsWording
      phase { current implementationSince wording }
      runners { role municipality { ags name } }
      measures { slug name status statusAsOf }
      topics { slug name }
      contactPoints {
        unit municipalityWording email emailBasis phone phoneBasis web contactPage
        asOf { value precision }
        sources { url }
      }
      contacts { uuid name role email phone }
    }
  }
`);

export function ProjectPage() {
  const { params } = useRoute();
  const slug = params.slug ?? '';
  const state = useQuery(PROJECT, { slug });
  if (!state || state.loading) return <Loading />;
  if (state.error) return <ErrorNote error={state.error} />;
  const p = state.data.project;
  const s = t.project;
  if (!p) return <NotFoundAlert text={s.notFound(slug)} />;
  const period = [p.startDate, p.endDate].map((d) => (d ? t.format.isoDate(d) : '')).join('–');
  const bound = p.fundingBound ? s.fundingBound[p.fundingBound] : '';
  const phase = p.phase && [p.phase.current && s.phaseKind[p.phase.current], p.phase.implementationSince != null && s.implementationSince(p.phase.implementationSince)].filter(Boolean).join(', ');
  return (
    <article aria-labelledby="p-title">
      <h1 id="p-title">{p.name}</h1>
      {p.title && p.title !== p.name && <p>{p.title}</p>}
      <section aria-labelledby="p-facts">
        <h2 id="p-facts">{s.facts}</h2>
        <dl class="facts">
          <dt>{s.runners}</dt>
          <dd>
            <RunnerLinks runners={p.runners} roles />
          </dd>
          {p.status && (
            <>
              <dt>{s.status}</dt>
              <dd>{s.statusKind[p.status]}</dd>
            </>
          )}
          {p.phase && (
            <>
              <dt>{s.phase}</dt>
              <dd>
                {phase && `${phase} — `}
                <q>{p.phase.wording}</q>
              </dd>
            </>
          )}
          {p.programme && (
            <>
              <dt>{s.programme}</dt>
              <dd>
                {p.programme}
                {p.cohort != null && `, ${s.cohort} ${p.cohort}`}
                {p.category && `, ${s.category}: ${p.category}`}
              </dd>
            </>
          )}
          {period !== '–' && (
            <>
              <dt>{s.period}</dt>
              <dd>{period}</dd>
            </>
          )}
          <dt>{s.funding}</dt>
          <dd>
            {p.fundingEur == null ? s.noFunding : [bound, s.euros(p.fundingEur)].filter(Boolean).join(' ')}
            {p.fundingNote && <p class="small">{p.fundingNote}</p>}
          </dd>
          {p.url && (
            <>
              <dt>{s.web}</dt>
              <dd>
                <a href={p.url} rel="noreferrer">
                  {p.url}
                </a>
              </dd>
            </>
          )}
        </dl>
      </section>

      {p.summary && (
        <section aria-labelledby="p-summary">
          <h2 id="p-summary">{s.summary}</h2>
          <p>{p.summary}</p>
        </section>
      )}

      <section aria-labelledby="p-measures">
        <h2 id="p-measures">{s.measures}</h2>
        {p.measures.length === 0 ? (
          <p>{s.noMeasures}</p>
        ) : (
          <ul>
            {p.measures.map((m) => (
              <li key={m.slug}>
                <a href={`/massnahme/${m.slug}`}>{m.name}</a> — {t.status[m.status]}
                {m.statusAsOf && <span class="small"> ({t.municipality.asOf(m.statusAsOf)})</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="p-topics">
        <h2 id="p-topics">{s.topics}</h2>
        {p.topicsWording.length > 0 && (
          <p>
            {s.topicsWording}: {p.topicsWording.join(', ')}
          </p>
        )}
        <TopicChips topics={p.topics} />
      </section>

      {p.contactPoints.length > 0 && (
        <section aria-labelledby="p-contact-points">
          <h2 id="p-contact-points">{s.contactPoints}</h2>
          <p class="small">{t.municipality.contactPointsHint}</p>
          <ul>
            {p.contactPoints.map((c, i) => (
              <li key={i}>
                <ContactPointLine point={c} />
                <SourceLinks urls={c.sources.map((y) => y.url)} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {p.contacts.length > 0 && (
        <section aria-labelledby="p-contacts">
          <h2 id="p-contacts">{s.contacts}</h2>
          <ul>
            {p.contacts.map((c) => (
              <li key={c.uuid}>
                <ContactLine contact={c} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <SourceList id="p-sources" urls={p.sources} />
    </article>
  );
}
