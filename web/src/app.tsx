// The app's frame: skip link, navigation (menu.tsx), the page for the address, and the data's attribution.
import { useEffect, useRef } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { MunicipalityPage } from './pages/municipality';
import { DashboardPage } from './pages/dashboard';
import { MeasuresPage } from './pages/measures';
import { PeersPage } from './pages/peers';
import { ProgrammePage } from './pages/programme';
import { SolutionPage } from './pages/solution';
import { ProjectPage } from './pages/project';
import { MeasurePage } from './pages/measure';
import { TopicPage } from './pages/topic';
import { EventPage } from './pages/event';
import { SignInPage } from './pages/sign-in';
import { MainNav } from './menu';
import { dismissRefusedNotice, useRefusedNotice } from './session';
import { SearchPage } from './pages/search';
import { t } from './strings';

function NotFound() {
  return (
    <section>
      <h1>{t.error.title}</h1>
      <p>{t.error.byCode.NOT_FOUND}</p>
    </section>
  );
}

/**
 * Each page's own tab title (its heading, kept in step as the page loads), and after a navigation within the
 * app the focus on the new page's heading as soon as it is there, so a screen reader starts at it (until then
 * on the main region; the first load leaves the focus alone).
 */
function TitleAndFocus() {
  const { path } = useLocation();
  const first = useRef(true);
  const focusPending = useRef(false);
  const sync = () => {
    const main = document.getElementById('main');
    if (!main) return;
    const heading = main.querySelector('h1');
    const text = heading?.textContent?.trim();
    const title = text ? `${text} – ${t.appName}` : t.appName;
    if (document.title !== title) document.title = title;
    if (focusPending.current && heading) {
      focusPending.current = false;
      // Never taken from where the person has already moved it.
      const active = document.activeElement;
      if (active === main || active === document.body || active === null) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }
  };
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    focusPending.current = true;
    document.getElementById('main')?.focus();
    sync();
  }, [path]);
  return null;
}

/** Once, after the API read a request as anonymous because the sign-in had run out or was refused. */
function RefusedNotice() {
  const shown = useRefusedNotice();
  if (!shown) return null;
  return (
    <div class="notice" role="status">
      <p>
        {t.signIn.expired} <a href="/anmelden" onClick={dismissRefusedNotice}>{t.signIn.again}</a>
      </p>
      <button type="button" class="secondary" onClick={dismissRefusedNotice}>
        {t.signIn.dismiss}
      </button>
    </div>
  );
}

export function App() {
  return (
    // /auth/… is the API's (sign-in at the identity provider): the browser goes there, the router does not.
    <LocationProvider scope={/^(?!\/auth\/)/}>
      <TitleAndFocus />
      <a class="skip" href="#main">
        {t.skipToContent}
      </a>
      <header>
        <p class="brand">
          <a href="/">{t.appName}</a>
        </p>
        <MainNav />
      </header>
      <RefusedNotice />
      <main id="main" tabIndex={-1}>
        <Router>
          <Route path="/" component={SearchPage} />
          <Route path="/gemeinde/:ags" component={MunicipalityPage} />
          <Route path="/programm/:slug" component={ProgrammePage} />
          <Route path="/loesung/:slug" component={SolutionPage} />
          <Route path="/projekt/:slug" component={ProjectPage} />
          <Route path="/massnahme/:slug" component={MeasurePage} />
          <Route path="/thema/:slug" component={TopicPage} />
          <Route path="/veranstaltung/:slug" component={EventPage} />
          <Route path="/partner" component={PeersPage} />
          <Route path="/massnahmen" component={MeasuresPage} />
          <Route path="/reichweite" component={DashboardPage} />
          <Route path="/anmelden" component={SignInPage} />
          <Route default component={NotFound} />
        </Router>
      </main>
      <footer>
        <p class="small">{t.footer}</p>
      </footer>
    </LocationProvider>
  );
}
