// Start / search: one box over municipalities, programmes, re-usable solutions, projects, measures and topics (the API's typo-tolerant
// `search`), the results grouped by kind. The text lives in the address (?q=…), so a search can be shared.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { graphql } from '../gql';
import type { SearchQuery } from '../gql/graphql';
import { t } from '../strings';
import { ErrorNote, Loading } from '../ui';
import { useQuery } from '../use-query';

const SEARCH = graphql(`
  query Search($text: String!) {
    search(text: $text, types: [MUNICIPALITY, PROGRAMME, SOLUTION, PROJECT, MEASURE, TOPIC, EVENT], first: 30) {
      score
      node {
        __typename
        ... on Municipality { ags name kind kreis { name } land { name } }
        ... on Project { slug name }
        ... on Measure { slug name status }
        ... on Topic { slug name }
        ... on Event { slug title }
        ... on Programme { slug name }
        ... on ReusableSolution { slug name }
      }
    }
  }
`);

type Hit = SearchQuery['search'][number]['node'];
const ORDER = ['Municipality', 'Programme', 'ReusableSolution', 'Project', 'Measure', 'Topic', 'Event'];

function label(hit: Hit) {
  switch (hit.__typename) {
    case 'Municipality': {
      const where = [t.kind[hit.kind], hit.kreis?.name, hit.land?.name].filter(Boolean).join(', ');
      return (
        <>
          <a href={`/gemeinde/${hit.ags}`}>{hit.name}</a> <span class="small">{where}</span>
        </>
      );
    }
    case 'Project':
      return <a href={`/projekt/${hit.slug}`}>{hit.name}</a>;
    case 'Measure':
      return (
        <>
          <a href={`/massnahme/${hit.slug}`}>{hit.name}</a> <span class="small">{t.status[hit.status]}</span>
        </>
      );
    case 'Topic':
      return <a href={`/thema/${hit.slug}`}>{hit.name}</a>;
    case 'Event':
      return <a href={`/veranstaltung/${hit.slug}`}>{hit.title}</a>;
    case 'Programme':
      return <a href={`/programm/${hit.slug}`}>{hit.name}</a>;
    case 'ReusableSolution':
      return <a href={`/loesung/${hit.slug}`}>{hit.name}</a>;
    default:
      return null;
  }
}

const keyOf = (hit: Hit) => ('ags' in hit ? hit.ags : 'slug' in hit ? hit.slug : '');

export function SearchPage() {
  const { query, route } = useLocation();
  const asked = (query.q ?? '').trim();
  const [text, setText] = useState(asked);
  const state = useQuery(SEARCH, { text: asked }, asked === '');
  const groups = new Map<string, Hit[]>();
  for (const { node } of state?.data?.search ?? []) (groups.get(node.__typename) ?? groups.set(node.__typename, []).get(node.__typename)!).push(node);

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t.search.title}</h1>
      <p>{t.search.intro}</p>
      <form
        class="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) route(`/?q=${encodeURIComponent(text.trim())}`);
        }}
      >
        <div>
          <label for="search-text">{t.search.label}</label>
          <input id="search-text" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} autoComplete="off" />
        </div>
        <button type="submit">{t.search.button}</button>
      </form>
      {state?.loading && <Loading />}
      {state?.error && <ErrorNote error={state.error} />}
      {state?.data && (
        <div aria-live="polite">
          <p>{state.data.search.length === 0 ? t.search.none(asked) : t.search.count(state.data.search.length)}</p>
          {ORDER.filter((kind) => groups.has(kind)).map((kind) => (
            <section key={kind} aria-labelledby={`group-${kind}`}>
              <h2 id={`group-${kind}`}>{t.search.groups[kind]}</h2>
              <ul>
                {groups.get(kind)!.map((hit) => (
                  <li key={keyOf(hit)}>{label(hit)}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
