// The peer finder: choose your municipality, pick interests as topic chips, narrow the search; the
// ranked peers with their explanation drawn (shared topics as weighted bars, the starting point, the
// distance), and on a second tab the solutions to adopt, each with its runner and whom to contact (the persons who
// consented, and the contact points the runner publishes).
// Everything chosen lives in the address (/partner?ags=…&themen=…), so a result can be shared; both lists download
// whole (peers-export.tsx).
import { useLocation } from 'preact-iso';
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FilterPanel } from '../filter-panel';
import { graphql } from '../gql';
import type { PeerFinderQuery, PeerFilter, SizeClass, State } from '../gql/graphql';
import { t } from '../strings';
import { ContactLine, ContactPointLine, ErrorNote, Loading, NameLinks, SourceLinks } from '../ui';
import { useQuery } from '../use-query';
import { PeerDownloads, SolutionDownloads } from './peers-export';

const TOPICS = graphql(`
  query PeerTopics {
    topics(filter: { fieldsOfAction: true }, first: 100) {
      edges { node { slug name subtopics { slug name } } }
    }
  }
`);

const FIND = graphql(`
  query PeerSearch($text: String!) {
    search(text: $text, types: [MUNICIPALITY], first: 8) {
      node { __typename ... on Municipality { ags name kind kreis { name } } }
    }
  }
`);

const PEERS = graphql(`
  query PeerFinder($ags: String!, $interests: [String!], $filter: PeerFilter) {
    municipality(ags: $ags) { ags name location { lat lon } }
    peers(ags: $ags, interests: $interests, filter: $filter, first: 20) {
      totalCount
      edges {
        score
        node { ags name kind population location { lat lon } }
        explanation {
          basis model topicScore distanceKm
          sharedTopics { topic { slug name } weight }
          structure { score populationRatio sameSizeClass sameUrbanisation sameKind sameState }
          contributions { feature value contribution }
          shared {
            programmes { slug name }
            groups { group programme { name } }
            solutions { slug name }
            adoptions { solution { name } user { name } }
            events { slug title }
            partners { ags name }
          }
        }
      }
    }
    learningPartners(ags: $ags, interests: $interests, filter: $filter, first: 20) {
      totalCount
      edges {
        score
        node { __typename ... on Measure { slug name } ... on Project { slug name } }
        project { slug name }
        runner { ags name }
        contacts { uuid name role email }
        contactPoints { unit municipalityWording email emailBasis web }
        sources { url }
        explanation {
          basis model status statusAsOf distanceKm matchesTopic
          matchedTopics { topic { slug name } weight }
          contributions { feature value contribution }
          peersLikeYou { ags name }
        }
      }
    }
  }
`);

// The map comes in its own chunk, when there are results to show on it.
const GermanyMap = lazy(() => import('../map'));

const SIZE_CLASSES: SizeClass[] = ['GROSSSTADT', 'MITTELSTADT', 'KLEINSTADT', 'LANDGEMEINDE'];
const p = t.peers;

function Bar({ label, value, href }: { label: string; value: number; href?: string }) {
  return (
    <div class="bar">
      <span class="bar-label">{href ? <a href={href}>{label}</a> : label}</span>
      <span class="bar-track" aria-hidden="true">
        <span class="bar-fill" style={{ width: `${Math.max(2, Math.round(value * 100))}%` }} />
      </span>
      <span class="bar-value">{p.weight(value)}</span>
    </div>
  );
}

type PeerEdge = PeerFinderQuery['peers']['edges'][number];
type SolutionEdge = PeerFinderQuery['learningPartners']['edges'][number];

/** A model's largest contributions (at most `most`, none below 0.05 points), each said in words, with a bar for its size. */
function Contributions({ items, most, say }: { items: { feature: string; value: number; contribution: number }[]; most: number; say: (feature: string, value: number) => string }) {
  const shown = items.filter((c) => Math.abs(c.contribution) >= 0.05).slice(0, most);
  const largest = Math.max(...shown.map((c) => Math.abs(c.contribution)), 1e-9);
  return (
    <ul class="reasons">
      {shown.map((c) => (
        <li key={c.feature} class={c.contribution >= 0 ? 'for' : 'against'}>
          <span class="bar-label">{say(c.feature, c.value)}</span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${Math.max(2, Math.round((Math.abs(c.contribution) / largest) * 100))}%` }} />
          </span>
          <span class="bar-value">{p.contribution(c.contribution)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The model's reasons for a peer: its largest contributions, each said in words, and what the two share by name. */
function Reasons({ edge }: { edge: PeerEdge }) {
  const e = edge.explanation;
  return (
    <div>
      <h4>{p.why}</h4>
      <Contributions items={e.contributions} most={6} say={(feature, value) => p.feature(feature, value, e)} />
      {e.shared && <SharedNames shared={e.shared} />}
    </div>
  );
}

function SharedNames({ shared }: { shared: NonNullable<PeerEdge['explanation']['shared']> }) {
  // Programmes, solutions and events have pages of their own: named as links; the rest as plain sentences.
  const linked = [
    { label: p.bothIn, items: shared.programmes.map((x) => ({ href: `/programm/${x.slug}`, name: x.name })) },
    { label: p.bothUse, items: shared.solutions.map((x) => ({ href: `/loesung/${x.slug}`, name: x.name })) },
    { label: p.bothAttended, items: shared.events.map((x) => ({ href: `/veranstaltung/${x.slug}`, name: x.title })) },
  ].filter((x) => x.items.length > 0);
  const lines = [
    shared.groups.length > 0 && p.sameGroup(shared.groups.map((g) => `${g.group} (${g.programme.name})`)),
    ...shared.adoptions.map((a) => p.adopted(a.user.name, a.solution.name)),
    shared.partners.length > 0 && p.commonPartners(shared.partners.map((x) => x.name)),
  ].filter((x): x is string => Boolean(x));
  return lines.length + linked.length === 0 ? null : (
    <ul class="small">
      {linked.map(({ label, items }) => (
        <li key={label}>
          {label} <NameLinks items={items} />
        </li>
      ))}
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** What makes a peer without a shared topic alike, in the words of the structure (issue 33: never a bare score). */
function alike(e: PeerEdge['explanation']): string[] {
  const st = e.structure;
  const similarSize = st?.sameSizeClass === true || (st?.populationRatio != null && st.populationRatio <= 2);
  return [
    similarSize && p.alike.population,
    st?.sameUrbanisation && p.alike.urbanisation,
    st?.sameKind && p.alike.kind,
    st?.sameState && p.alike.land,
    e.distanceKm != null && e.distanceKm <= 50 && p.alike.near,
  ].filter((x): x is string => typeof x === 'string');
}

function Peer({ edge, rank }: { edge: PeerEdge; rank: number }) {
  const { node, explanation: e, score } = edge;
  const st = e.structure;
  const same = [st?.sameSizeClass && p.sameSizeClass, st?.sameUrbanisation && p.sameUrbanisation, st?.sameKind && p.sameKind, st?.sameState && p.sameState].filter(Boolean);
  const byModel = e.basis === 'MODEL';
  return (
    <li class="result">
      <h3>
        {rank}. <a href={`/gemeinde/${node.ags}`}>{node.name}</a> <span class="small">{t.kind[node.kind]}</span>
      </h3>
      <p>
        <strong>{byModel ? p.modelScore(score) : p.score(score)}</strong> — {p.basis[e.basis]}
        {e.distanceKm != null && `, ${p.distance(e.distanceKm)}`}
      </p>
      {e.sharedTopics.length === 0 && <p>{p.structureOnly(alike(e))}</p>}
      <div class="columns">
        {byModel && <Reasons edge={edge} />}
        {(!byModel || e.sharedTopics.length > 0) && (
          <div>
            <h4>{p.shared}</h4>
            {e.sharedTopics.length === 0 ? <p class="small">{p.noShared}</p> : e.sharedTopics.map((s) => <Bar key={s.topic.slug} label={s.topic.name} href={`/thema/${s.topic.slug}`} value={e.topicScore > 0 ? s.weight / e.topicScore : 0} />)}
          </div>
        )}
        {st && !byModel && (
          <div>
            <h4>{p.structure}</h4>
            <p>{p.structureScore(st.score)}</p>
            <ul class="small">
              {st.populationRatio != null && <li>{p.populationRatio(st.populationRatio)}</li>}
              {same.map((x) => (
                <li key={String(x)}>{x}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </li>
  );
}

/** The model's reasons for a solution: its largest contributions in words, and which municipalities like the asker took something up from its runner. */
function SolutionReasons({ edge }: { edge: SolutionEdge }) {
  const e = edge.explanation;
  return (
    <div>
      <h4>{p.whySolution}</h4>
      <Contributions items={e.contributions} most={5} say={(feature, value) => p.learningFeature(feature, value, e)} />
      {e.peersLikeYou.length > 0 && (
        <p class="small">
          {p.peersLikeYou(edge.runner.name)} <NameLinks items={e.peersLikeYou.map((m) => ({ href: `/gemeinde/${m.ags}`, name: m.name }))} />
        </p>
      )}
    </div>
  );
}

/** A suggested measure or project, linked to its page. */
function SolutionName({ node }: { node: SolutionEdge['node'] }) {
  if (node.__typename === 'Measure') return <a href={`/massnahme/${node.slug}`}>{node.name}</a>;
  if (node.__typename === 'Project') return <a href={`/projekt/${node.slug}`}>{node.name}</a>;
  return null;
}

function Solution({ edge, rank }: { edge: SolutionEdge; rank: number }) {
  const e = edge.explanation;
  const byModel = e.basis === 'MODEL';
  return (
    <li class="result">
      <h3>
        {rank}. <SolutionName node={edge.node} />
      </h3>
      <p>
        <strong>{byModel ? p.modelScore(edge.score) : p.score(edge.score)}</strong>
        {byModel && !e.matchesTopic && ` (${p.noTopicMatch})`} — {p.statusLine(e.status)}
        {e.statusAsOf && ` (${t.municipality.asOf(e.statusAsOf)})`}
        {e.distanceKm != null && `, ${p.distance(e.distanceKm)}`}
      </p>
      <p>
        {p.runner}: <a href={`/gemeinde/${edge.runner.ags}`}>{edge.runner.name}</a>
        {edge.node.__typename === 'Measure' && (
          <span class="small">
            {' '}
            (<a href={`/projekt/${edge.project.slug}`}>{edge.project.name}</a>)
          </span>
        )}
      </p>
      {e.matchedTopics.length > 0 && (
        <p class="small">
          {p.matched}: <NameLinks items={e.matchedTopics.map((m) => ({ href: `/thema/${m.topic.slug}`, name: m.topic.name }))} />
        </p>
      )}
      {byModel && <SolutionReasons edge={edge} />}
      {(edge.contacts.length > 0 || edge.contactPoints.length === 0) && (
        <p>
          {p.contact}:{' '}
          {edge.contacts.length === 0
            ? p.noContacts
            : edge.contacts.map((c, i) => (
                <span key={c.uuid}>
                  {i > 0 && '; '}
                  <ContactLine contact={c} />
                </span>
              ))}
          {edge.contactPoints.length === 0 && <SourceLinks urls={edge.sources.map((s) => s.url)} />}
        </p>
      )}
      {edge.contactPoints.length > 0 && (
        <div class="contact-points">
          <p>{p.contactPoints}:</p>
          <ul>
            {edge.contactPoints.map((c, i) => (
              <li key={i}>
                <ContactPointLine point={c} />
              </li>
            ))}
          </ul>
          <p class="small">
            {t.municipality.sources}:
            <SourceLinks urls={edge.sources.map((s) => s.url)} />
          </p>
        </div>
      )}
    </li>
  );
}

/** ARIA tabs: arrow keys move between them, the panel follows. */
function Tabs({ tabs, active, onChange }: { tabs: { id: string; label: string }[]; active: string; onChange: (id: string) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  return (
    <div role="tablist" aria-label={p.tabs} class="tabs">
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          role="tab"
          type="button"
          id={`tab-${tab.id}`}
          aria-selected={tab.id === active}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === active ? 0 : -1}
          onClick={() => onChange(tab.id)}
          onKeyDown={(event) => {
            const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            const next = tabs[(i + step + tabs.length) % tabs.length]!;
            onChange(next.id);
            refs.current[(i + step + tabs.length) % tabs.length]?.focus();
          }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

function Chooser({ onChoose }: { onChoose: (ags: string) => void }) {
  const [text, setText] = useState('');
  const [asked, setAsked] = useState('');
  const found = useQuery(FIND, { text: asked }, asked === '');
  return (
    <div>
      <form
        class="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(text.trim());
        }}
      >
        <div>
          <label for="peer-municipality">{p.choose}</label>
          <input id="peer-municipality" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} autoComplete="off" />
        </div>
        <button type="submit">{p.chooseButton}</button>
      </form>
      {found?.loading && <Loading />}
      {found?.error && <ErrorNote error={found.error} />}
      {found?.data && (
        <ul aria-live="polite">
          {found.data.search.map(({ node }) =>
            node.__typename === 'Municipality' ? (
              <li key={node.ags}>
                <button type="button" class="link" onClick={() => onChoose(node.ags)}>
                  {p.pick(node.name)}
                </button>{' '}
                <span class="small">{[t.kind[node.kind], node.kreis?.name].filter(Boolean).join(', ')}</span>
              </li>
            ) : null,
          )}
        </ul>
      )}
    </div>
  );
}

export function PeersPage() {
  const { query, route } = useLocation();
  const ags = query.ags ?? '';
  const interests = (query.themen ?? '').split(',').filter(Boolean);
  const radius = query.umkreis ? Number(query.umkreis) : null;
  const sizeClass = (query.groesse as SizeClass | undefined) ?? null;
  const state = (query.land as State | undefined) ?? null;
  const excludeOwnKreis = query.ohneKreis === '1';
  const tab = query.tab === 'loesungen' ? 'loesungen' : 'kommunen';

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams({ ...query });
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    route(`/partner?${next.toString()}`);
  };

  const topics = useQuery(TOPICS, {});
  const filter: PeerFilter = {
    ...(radius ? { radiusKm: radius } : {}),
    ...(sizeClass ? { sizeClasses: [sizeClass] } : {}),
    ...(state ? { state } : {}),
    ...(excludeOwnKreis ? { excludeOwnKreis: true } : {}),
  };
  const results = useQuery(PEERS, { ags, interests, filter }, ags === '');
  const [draftRadius, setDraftRadius] = useState(radius ? String(radius) : '');
  // For the browser tests' timing: when a ranked list is first on the page.
  useEffect(() => {
    if (results?.data) performance.mark('peers-listed');
  }, [results?.data]);

  const toggle = (slug: string) => {
    const set = new Set(interests);
    if (set.has(slug)) set.delete(slug);
    else set.add(slug);
    go({ themen: [...set].join(',') });
  };

  return (
    <section aria-labelledby="peers-title">
      <h1 id="peers-title">{p.title}</h1>
      <p>{p.intro}</p>

      <h2>{p.yours}</h2>
      {ags && results?.data?.municipality ? (
        <p>
          {p.chosen(results.data.municipality.name)}{' '}
          <button type="button" class="link" onClick={() => go({ ags: null })}>
            {p.change}
          </button>
        </p>
      ) : (
        <Chooser onChoose={(chosen) => go({ ags: chosen })} />
      )}

      <FilterPanel summary={p.filterPanel(interests.length + [radius, sizeClass, state, excludeOwnKreis].filter(Boolean).length)}>
        <details open={interests.length > 0}>
          <summary>{p.interests}</summary>
          <p class="small">{p.interestsHint}</p>
          {topics?.error && <ErrorNote error={topics.error} />}
          {topics?.data?.topics.edges.map(({ node: field }) => (
            <fieldset key={field.slug} class="chips">
              <legend>{field.name}</legend>
              {[field, ...field.subtopics].map((topic) => (
                <label key={topic.slug} class={interests.includes(topic.slug) ? 'chip on' : 'chip'}>
                  <input type="checkbox" checked={interests.includes(topic.slug)} onChange={() => toggle(topic.slug)} />
                  {topic.slug === field.slug ? `${topic.name} (alle)` : topic.name}
                </label>
              ))}
            </fieldset>
          ))}
        </details>

        <form
          class="filters"
          onSubmit={(event) => {
            event.preventDefault();
            go({ umkreis: draftRadius.trim() || null });
          }}
        >
          <fieldset>
            <legend>{p.filters}</legend>
            <div>
              <label for="f-radius">{p.radius}</label>
              <input id="f-radius" type="number" min="1" max="1000" inputMode="numeric" value={draftRadius} onInput={(e) => setDraftRadius(e.currentTarget.value)} />
            </div>
            <div>
              <label for="f-size">{p.sizeClass}</label>
              <select id="f-size" value={sizeClass ?? ''} onChange={(e) => go({ groesse: e.currentTarget.value || null })}>
                <option value="">{p.any}</option>
                {SIZE_CLASSES.map((c) => (
                  <option key={c} value={c}>
                    {t.sizeClass[c]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="f-land">{p.land}</label>
              <select id="f-land" value={state ?? ''} onChange={(e) => go({ land: e.currentTarget.value || null })}>
                <option value="">{p.any}</option>
                {Object.entries(t.state).map(([key, name]) => (
                  <option key={key} value={key}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div class="check">
              <input id="f-kreis" type="checkbox" checked={excludeOwnKreis} onChange={(e) => go({ ohneKreis: e.currentTarget.checked ? '1' : null })} />
              <label for="f-kreis">{p.excludeOwnKreis}</label>
            </div>
            <button type="submit">{p.show}</button>
          </fieldset>
        </form>
      </FilterPanel>

      {results?.loading && <Loading />}
      {results?.error && <ErrorNote error={results.error} />}
      {results?.data && (
        <>
          <Tabs
            tabs={[
              { id: 'kommunen', label: `${p.tabPeers} (${results.data.peers.totalCount.toLocaleString('de-DE')})` },
              { id: 'loesungen', label: `${p.tabSolutions} (${results.data.learningPartners.totalCount.toLocaleString('de-DE')})` },
            ]}
            active={tab}
            onChange={(id) => go({ tab: id === 'kommunen' ? null : id })}
          />
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
            {tab === 'kommunen' ? (
              results.data.peers.edges.length === 0 ? (
                <p>{p.none}</p>
              ) : (
                <div class="with-map">
                  <div>
                    <p>{p.count(results.data.peers.totalCount)}</p>
                    <PeerDownloads ags={ags} name={results.data.municipality?.name ?? ags} interests={interests} filter={filter} />
                    {results.data.peers.edges[0]?.explanation.model && <p class="small">{p.model(results.data.peers.edges[0].explanation.model)}</p>}
                    <ol class="results">
                      {results.data.peers.edges.map((edge, i) => (
                        <Peer key={edge.node.ags} edge={edge} rank={i + 1} />
                      ))}
                    </ol>
                  </div>
                  <Suspense fallback={<Loading />}>
                    <GermanyMap
                      label={t.map.label(results.data.peers.edges.length)}
                      marks={[
                        ...(results.data.municipality ? [{ ags: results.data.municipality.ags, rank: 0, own: true, lat: results.data.municipality.location?.lat ?? null, lon: results.data.municipality.location?.lon ?? null }] : []),
                        ...results.data.peers.edges.map((e, i) => ({ ags: e.node.ags, rank: i + 1, lat: e.node.location?.lat ?? null, lon: e.node.location?.lon ?? null })),
                      ]}
                    />
                  </Suspense>
                </div>
              )
            ) : results.data.learningPartners.edges.length === 0 ? (
              <p>{p.none}</p>
            ) : (
              <>
                <p>{p.count(results.data.learningPartners.totalCount)}</p>
                <SolutionDownloads ags={ags} name={results.data.municipality?.name ?? ags} interests={interests} filter={filter} />
                {results.data.learningPartners.edges[0]?.explanation.model && <p class="small">{p.learningModel(results.data.learningPartners.edges[0].explanation.model)}</p>}
                <ol class="results">
                  {results.data.learningPartners.edges.map((edge, i) => (
                    <Solution key={`${edge.node.__typename}-${i}`} edge={edge} rank={i + 1} />
                  ))}
                </ol>
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}
