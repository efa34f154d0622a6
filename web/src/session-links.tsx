// The header's way in and out. People sign in at the identity provider (/auth/login, back to this page
// afterwards) and out with a form POST to /auth/logout; the browser holds only the API's HttpOnly session
// cookie, so who is signed in is what the API's `viewer` says. A pasted token or API key (the machine path,
// on the sign-in page) shows as before.
import { useLocation } from 'preact-iso';
import { graphql } from './gql';
import { useCredential } from './session';
import { t } from './strings';
import { useQuery } from './use-query';

const WHO = graphql(`
  query HeaderViewer { viewer { kind } }
`);

export function SessionLinks() {
  const credential = useCredential();
  const { url } = useLocation();
  const who = useQuery(WHO, {});
  const person = credential === null && who?.data?.viewer.kind === 'PERSON';
  if (credential !== null) {
    return (
      <li>
        <a href="/anmelden">{t.nav.signedIn}</a>
      </li>
    );
  }
  if (person) {
    return (
      <>
        <li>
          <a href="/anmelden">{t.nav.account}</a>
        </li>
        <li>
          <form method="post" action="/auth/logout" class="inline">
            <button type="submit" class="link">
              {t.nav.signOut}
            </button>
          </form>
        </li>
      </>
    );
  }
  return (
    <li>
      <a href={`/auth/login?return=${encodeURIComponent(url)}`}>{t.nav.signIn}</a>
    </li>
  );
}
