// Signing in: people at the identity provider (/auth/login; the API keeps the session in an HttpOnly cookie),
// apps and scripts with a pasted bearer token or API key (the machine path, folded away); the page says who the
// API takes the caller for (`viewer`), and a member declares and withdraws her municipality's interests — the
// way a municipality without a model project gets a profile of its own.
import { useState } from 'preact/hooks';
import { ApiError, request } from '../api';
import { graphql } from '../gql';
import { setCredential, useCredential, type Credential } from '../session';
import { t } from '../strings';
import { ErrorNote, Loading } from '../ui';
import { useQuery } from '../use-query';

const VIEWER = graphql(`
  query Viewer {
    viewer { kind role municipality { ags name interests { topic { slug name } since } } apiKey { name } }
    topics(first: 100) { edges { node { slug name parent { slug } } } }
  }
`);
const ADD = graphql(`
  mutation AddInterest($ags: String!, $topic: String!) { addInterest(ags: $ags, topic: $topic) { ags } }
`);
const REMOVE = graphql(`
  mutation RemoveInterest($ags: String!, $topic: String!) { removeInterest(ags: $ags, topic: $topic) { ags } }
`);

const s = t.signIn;

export function SignInPage() {
  const current = useCredential();
  const [kind, setKind] = useState<Credential['kind']>('token');
  const [value, setValue] = useState('');
  const [again, setAgain] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [topic, setTopic] = useState('');
  const viewer = useQuery(VIEWER, {}, false, again);

  const change = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    setSaved(false);
    try {
      await work();
      setAgain((n) => n + 1);
      setSaved(true);
    } catch (error) {
      setFailure(error as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const v = viewer?.data?.viewer;
  const member = v?.role === 'MEMBER' ? v.municipality : null;
  return (
    <section aria-labelledby="signin-title">
      <h1 id="signin-title">{s.title}</h1>
      <p>{s.intro}</p>
      {viewer?.loading && <Loading />}
      {viewer?.error && <ErrorNote error={viewer.error} />}
      {v && (
        <p role="status">
          {v.kind === 'ANONYMOUS' ? (
            s.anonymous
          ) : (
            <>
              {s.as}: <strong>{member ? s.memberOf(member.name) : v.apiKey ? s.appKey(v.apiKey.name) : s.role[v.role ?? '']}</strong>
              {member && ` (${s.role.MEMBER})`}
            </>
          )}
        </p>
      )}
      {current ? (
        <button type="button" onClick={() => setCredential(null)}>
          {s.signOut}
        </button>
      ) : v?.kind === 'PERSON' ? (
        <form method="post" action="/auth/logout">
          <button type="submit">{s.signOut}</button>
        </form>
      ) : (
        <p>
          <a class="button" href="/auth/login?return=%2Fanmelden">
            {s.provider}
          </a>
        </p>
      )}
      {!current && v?.kind !== 'PERSON' && (
        <details>
          <summary>{s.machines}</summary>
          <p>{s.machinesIntro}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (value.trim()) setCredential({ kind, value: value.trim() });
            setValue('');
          }}
        >
          <fieldset>
            <legend>{s.kind}</legend>
            <div class="check">
              <input id="c-token" type="radio" name="kind" checked={kind === 'token'} onChange={() => setKind('token')} />
              <label for="c-token">{s.token}</label>
            </div>
            <div class="check">
              <input id="c-key" type="radio" name="kind" checked={kind === 'key'} onChange={() => setKind('key')} />
              <label for="c-key">{s.key}</label>
            </div>
          </fieldset>
          <div>
            <label for="c-value">{s.value}</label>
            <input id="c-value" type="password" autoComplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} size={60} />
          </div>
          <p>
            <button type="submit">{s.submit}</button>
          </p>
        </form>
        </details>
      )}

      {member && (
        <section aria-labelledby="interests-title">
          <h2 id="interests-title">{s.interests(member.name)}</h2>
          <p>{s.interestsIntro}</p>
          {member.interests.length === 0 ? (
            <p>{s.noInterests}</p>
          ) : (
            <ul>
              {member.interests.map((i) => (
                <li key={i.topic.slug}>
                  <a href={`/thema/${i.topic.slug}`}>{i.topic.name}</a> {i.since && <span class="small">({s.since(t.format.isoDate(i.since))})</span>}{' '}
                  <button type="button" class="link" disabled={busy} onClick={() => void change(() => request(REMOVE, { ags: member.ags, topic: i.topic.slug }))}>
                    {s.withdraw(i.topic.name)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            class="search"
            onSubmit={(event) => {
              event.preventDefault();
              if (topic) void change(() => request(ADD, { ags: member.ags, topic }));
            }}
          >
            <div>
              <label for="i-topic">{s.add}</label>
              <select id="i-topic" value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
                <option value="">—</option>
                {viewer?.data?.topics.edges
                  .filter(({ node }) => !member.interests.some((i) => i.topic.slug === node.slug))
                  .map(({ node }) => (
                    <option key={node.slug} value={node.slug}>
                      {node.parent ? `— ${node.name}` : node.name}
                    </option>
                  ))}
              </select>
            </div>
            <button type="submit" disabled={busy || !topic}>
              {s.declare}
            </button>
          </form>
          {/* Present before it says anything, so screen readers announce "Gespeichert." when it appears. */}
          <p class="status" aria-live="polite">
            {saved ? s.done : ''}
          </p>
          {failure && <ErrorNote error={failure} />}
        </section>
      )}
    </section>
  );
}
