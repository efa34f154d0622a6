// The local demo provider's pages: German, no scripts, no external assets, and labelled as a demo on every
// page, so nobody mistakes it for the office's real sign-in.
import type { DemoAccount } from './local-provider.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:1rem/1.5 system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.demo{background:#fff3cd;border:2px solid #8a6d00;padding:.5rem 1rem;font-weight:bold}
label{display:block;margin-top:1rem}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box;border:1px solid #555}
button{font:inherit;margin-top:1rem;padding:.5rem 1rem;background:#0b4f8a;color:#fff;border:0;cursor:pointer}
button.secondary{background:#fff;color:#0b4f8a;border:1px solid #0b4f8a}
[role=alert]{color:#a00000;font-weight:bold}:focus{outline:3px solid #c05800;outline-offset:2px}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – lokale Demo-Anmeldung</title><style>${STYLE}</style></head>
<body><main>
<p class="demo">Lokale Demo-Anmeldung – nur zum Ausprobieren, nicht der Anmeldedienst Ihrer Behörde.</p>
<h1>${escape(title)}</h1>
${body}
</main></body></html>`;
}

export function loginPage(uid: string, user: string, error: string | null, accounts: readonly DemoAccount[]): string {
  const list = accounts
    .map((a) => `<li><code>${escape(a.id)}</code> – ${escape(a.name)}${a.scg_role ? '' : ' (noch ohne Rechte)'}</li>`)
    .join('');
  return page(
    'Anmelden',
    `${error ? `<p role="alert" id="fehler">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login" autocomplete="off">
<label for="benutzer">Benutzername</label>
<input id="benutzer" name="benutzer" required value="${escape(user)}" ${error ? 'aria-describedby="fehler"' : ''}>
<label for="passwort">Passwort</label>
<input id="passwort" name="passwort" type="password" required>
<button type="submit">Anmelden</button>
</form>
<h2>Demo-Konten</h2>
<p>Das Passwort ist jeweils der Benutzername.</p>
<ul>${list}</ul>`,
  );
}

/** oidc-provider's confirmation for RP-initiated logout; `form` is its own form (with its CSRF token). */
export function logoutPage(form: string): string {
  return page(
    'Abmelden',
    `${form}<p>Möchten Sie sich bei der lokalen Demo-Anmeldung abmelden?</p>
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ja, abmelden</button>
<button type="submit" form="op.logoutForm" class="secondary">Nein, angemeldet bleiben</button>`,
  );
}

export function messagePage(title: string, text: string): string {
  return page(title, `<p>${escape(text)}</p>`);
}
