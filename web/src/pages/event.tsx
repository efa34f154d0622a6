// An event: its kind and date (or that it is a standing format), its format and hosts, the reported number of
// participants, the topics it covered, and who attended by name — each with the source that names them —, paged;
// the editors' notes and the event's sources last.
import { useRoute } from 'preact-iso';
import { request } from '../api';
import { graphql } from '../gql';
import type { EventPageQuery } from '../gql/graphql';
import { t } from '../strings';
import { ErrorNote, Loading, NotFoundAlert, SourceLinks, SourceList, TopicChips } from '../ui';
import { useMore } from '../use-more';
import { useQuery } from '../use-query';

const EVENT = graphql(`
  query EventPage($slug: String!, $after: String) {
    event(slug: $slug) {
      slug title kind startsOn endsOn standing format participantCount url notes
      hosts { __typename ... on Municipality { ags name } ... on Organization { slug name } }
      topics { slug name }
      sources { url }
      attendance(first: 50, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            note
            attendee { __typename ... on Municipality { ags name } ... on Organization { slug name } }
            sources { url }
          }
        }
      }
    }
  }
`);

type Actor = NonNullable<EventPageQuery['event']>['hosts'][number];

/** A municipality linked to its page; an organization by name (it has no page of its own). */
function ActorName({ actor }: { actor: Actor }) {
  if (actor.__typename === 'Municipality') return <a href={`/gemeinde/${actor.ags}`}>{actor.name}</a>;
  if (actor.__typename === 'Organization') return <>{actor.name}</>;
  return null;
}

const keyOf = (actor: Actor) => (actor.__typename === 'Municipality' ? actor.ags : actor.__typename === 'Organization' ? actor.slug : '');

export function EventPage() {
  const { params } = useRoute();
  const slug = params.slug ?? '';
  const state = useQuery(EVENT, { slug, after: null });
  const attendance = useMore(slug, state?.data?.event?.attendance, async (after) => (await request(EVENT, { slug, after })).event!.attendance);
  if (!state || state.loading) return <Loading />;
  if (state.error) return <ErrorNote error={state.error} />;
  const e = state.data.event;
  const s = t.event;
  if (!e) return <NotFoundAlert text={s.notFound(slug)} />;
  const date = e.startsOn ? [e.startsOn, e.endsOn].filter((d): d is string => d != null).map(t.format.isoDate).join('–') : s.standing;
  const total = e.attendance.totalCount;
  return (
    <article aria-labelledby="e-title">
      <h1 id="e-title">{e.title}</h1>
      <section aria-labelledby="e-facts">
        <h2 id="e-facts">{s.facts}</h2>
        <dl class="facts">
          <dt>{s.kind}</dt>
          <dd>{s.kindName[e.kind]}</dd>
          <dt>{s.date}</dt>
          <dd>{date}</dd>
          {e.format && (
            <>
              <dt>{s.format}</dt>
              <dd>{s.formatName[e.format]}</dd>
            </>
          )}
          {e.hosts.length > 0 && (
            <>
              <dt>{s.host}</dt>
              <dd>
                {e.hosts.map((h, i) => (
                  <span key={keyOf(h)}>
                    {i > 0 && ', '}
                    <ActorName actor={h} />
                  </span>
                ))}
              </dd>
            </>
          )}
          {e.participantCount != null && (
            <>
              <dt>{s.participants}</dt>
              <dd>{t.format.number(e.participantCount)}</dd>
            </>
          )}
          {e.url && (
            <>
              <dt>{s.web}</dt>
              <dd>
                <a href={e.url} rel="noreferrer">
                  {e.url}
                </a>
              </dd>
            </>
          )}
        </dl>
      </section>

      {e.topics.length > 0 && (
        <section aria-labelledby="e-topics">
          <h2 id="e-topics">{s.topics}</h2>
          <TopicChips topics={e.topics} />
        </section>
      )}

      <section aria-labelledby="e-attendance">
        <h2 id="e-attendance">{s.attendance}</h2>
        <p class="note">{s.attendanceHint}</p>
        {total === 0 ? (
          <p>{s.noAttendance}</p>
        ) : (
          <>
            <ul>
              {attendance.edges.map(({ node }) => (
                <li key={keyOf(node.attendee)}>
                  <ActorName actor={node.attendee} />
                  {node.note && <span class="small"> — {node.note}</span>}
                  <SourceLinks urls={node.sources.map((x) => x.url)} />
                </li>
              ))}
            </ul>
            <p>{s.shown(attendance.edges.length, total)}</p>
            {attendance.error && <ErrorNote error={attendance.error} />}
            {attendance.loading && <Loading />}
            {attendance.hasNextPage && !attendance.loading && (
              <button type="button" onClick={() => void attendance.loadMore()}>
                {s.more}
              </button>
            )}
          </>
        )}
      </section>

      {e.notes && (
        <section aria-labelledby="e-notes">
          <h2 id="e-notes">{s.notes}</h2>
          <p>{e.notes}</p>
        </section>
      )}
      <SourceList id="e-sources" urls={e.sources.map((x) => x.url)} />
    </article>
  );
}
