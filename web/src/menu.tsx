// The main navigation. On a wide screen its links in a row; on a phone they would widen the page or fill the
// first screen, so there they sit behind a menu button (style.css decides by the screen's width) that shows and
// hides them, its state said by aria-expanded.
import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SessionLinks } from './session-links';
import { t } from './strings';

export function MainNav() {
  const { path } = useLocation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Links are followed in the app (preact-iso), not by loading a page: the menu closes when the route changes,
  // also by the browser's back button.
  useEffect(() => setOpen(false), [path]);
  return (
    <nav
      aria-label={t.nav.label}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button ref={button} type="button" class="menu-button" aria-expanded={open} aria-controls="nav-list" onClick={() => setOpen(!open)}>
        {t.nav.menu}
      </button>
      {/* A link to the page one is on changes no route: closed here too. */}
      <ul id="nav-list" class={open ? 'open' : undefined} onClick={(event) => (event.target as Element).closest('a') && setOpen(false)}>
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
        <SessionLinks />
      </ul>
    </nav>
  );
}
