// The app's frame: skip link, navigation, the page for the address, and the data's attribution.
import { LocationProvider, Route, Router } from 'preact-iso';
import { MunicipalityPage } from './pages/municipality';
import { DashboardPage } from './pages/dashboard';
import { MeasuresPage } from './pages/measures';
import { PeersPage } from './pages/peers';
import { ProgrammePage } from './pages/programme';
import { SolutionPage } from './pages/solution';
import { SignInPage } from './pages/sign-in';
import { useCredential } from './session';
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

export function App() {
  const signedIn = useCredential() !== null;
  return (
    <LocationProvider>
      <a class="skip" href="#main">
        {t.skipToContent}
      </a>
      <header>
        <p class="brand">
          <a href="/">{t.appName}</a>
        </p>
        <nav aria-label={t.nav.label}>
          <ul>
            <li>
              <a href="/">{t.nav.start}</a>
            </li>
            <li>
              <a href="/partner">{t.nav.peers}</a>
            </li>
            <li>
              <a href="/massnahmen">{t.nav.measures}</a>
            </li>
            <li>
              <a href="/reichweite">{t.nav.dashboard}</a>
            </li>
            <li>
              <a href="/anmelden">{signedIn ? t.nav.signedIn : t.nav.signIn}</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Router>
          <Route path="/" component={SearchPage} />
          <Route path="/gemeinde/:ags" component={MunicipalityPage} />
          <Route path="/programm/:slug" component={ProgrammePage} />
          <Route path="/loesung/:slug" component={SolutionPage} />
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
