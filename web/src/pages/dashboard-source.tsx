// Where the dashboard's reach starts: the whole programme, an event chosen by its title and day (never by the
// internal key the app does not show), a project or a municipality by key, and the hops to follow.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../api';
import { allPages } from '../export';
import { graphql } from '../gql';
import type { DashboardEventsQuery } from '../gql/graphql';
import { t } from '../strings';

const EVENTS = graphql(`
  query DashboardEvents($after: String) {
    events(orderBy: STARTS_AT_DESC, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { slug title startsOn } }
    }
  }
`);

// Several times the events the data holds; a list this long still fits one select.
const MOST_EVENTS = 1000;

export const KINDS = ['programme', 'event', 'project', 'municipality'] as const;
export type Kind = (typeof KINDS)[number];
export interface Source {
  kind: Kind;
  key: string;
  hops: number;
}
type EventNode = DashboardEventsQuery['events']['edges'][number]['node'];

const d = t.dashboard;

/** The dated events, newest first, every page of them; null until loaded, and an empty list if they cannot be. */
function useEvents(): EventNode[] | null {
  const [events, setEvents] = useState<EventNode[] | null>(null);
  useEffect(() => {
    let current = true;
    allPages(async (after) => (await request(EVENTS, { after })).events, MOST_EVENTS).then(
      (edges) => current && setEvents(edges.map((e) => e.node)),
      () => current && setEvents([]),
    );
    return () => {
      current = false;
    };
  }, []);
  return events;
}

export function SourceForm({ value, onSubmit }: { value: Source; onSubmit: (source: Source) => void }) {
  const [draft, setDraft] = useState(value);
  const events = useEvents();
  const chosen = events?.find((e) => e.slug === draft.key);
  return (
    <form
      class="filters"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(draft);
      }}
    >
      <fieldset>
        <legend>{d.from}</legend>
        <div>
          <label for="d-kind">{d.from}</label>
          <select id="d-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as Kind, key: '' })}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {d.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        {draft.kind === 'event' && (
          <div>
            <label for="d-event">{d.event}</label>
            <select id="d-event" value={chosen ? draft.key : ''} onChange={(e) => setDraft({ ...draft, key: e.currentTarget.value })} required>
              <option value="">{events === null ? t.loading : d.chooseEvent}</option>
              {events?.map((e) => (
                <option key={e.slug} value={e.slug}>
                  {e.startsOn ? `${t.format.isoDate(e.startsOn)} – ${e.title}` : e.title}
                </option>
              ))}
            </select>
          </div>
        )}
        {(draft.kind === 'project' || draft.kind === 'municipality') && (
          <div>
            <label for="d-key">{d.key}</label>
            <input id="d-key" value={draft.key} onInput={(e) => setDraft({ ...draft, key: e.currentTarget.value })} size={34} required />
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
  );
}
