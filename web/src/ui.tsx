// Small shared pieces: the loading and error notes (announced to screen readers) and source links.
import type { ApiError } from './api';
import { t } from './strings';

export function Loading() {
  return (
    <p class="status" role="status" aria-live="polite">
      {t.loading}
    </p>
  );
}

export function ErrorNote({ error }: { error: ApiError }) {
  return (
    <div class="error" role="alert">
      <h2>{t.error.title}</h2>
      <p>{error.message}</p>
      {error.requestId && <p class="small">{t.error.requestId(error.requestId)}</p>}
    </div>
  );
}

export function SourceLinks({ urls }: { urls: readonly string[] }) {
  if (urls.length === 0) return null;
  return (
    <span class="sources">
      {' '}
      (
      {urls.map((url, i) => (
        <>
          {i > 0 && ', '}
          <a href={url} rel="noreferrer">
            {t.municipality.source} {urls.length > 1 ? i + 1 : ''}
            <span class="visually-hidden">: {url}</span>
          </a>
        </>
      ))}
      )
    </span>
  );
}

/** A contact person as the API shows them to this viewer: name, role, and e-mail and phone where the privacy rule allows. */
export function ContactLine({ contact }: { contact: { name: string; role?: string | null; email?: string | null; phone?: string | null } }) {
  return (
    <>
      {contact.name}
      {contact.role && `, ${contact.role}`}
      {contact.email && (
        <>
          {' — '}
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </>
      )}
      {contact.phone && ` — ${contact.phone}`}
    </>
  );
}
