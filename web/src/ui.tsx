// Small shared pieces: the loading and error notes (announced to screen readers), source links, a table's scroll box.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from './api';
import { t } from './strings';

export function Loading() {
  return (
    <p class="status" role="status" aria-live="polite">
      {t.loading}
    </p>
  );
}

/**
 * What went wrong, in German; when the API asked to wait (too many requests), how long, counting down, and a
 * button to ask again, which waits until then. The count is shown, not announced each second: the alert says
 * the wait once, and the button's state says when it is over.
 */
export function ErrorNote({ error }: { error: ApiError }) {
  const [left, setLeft] = useState(error.retryAfterSeconds ?? 0);
  useEffect(() => {
    setLeft(error.retryAfterSeconds ?? 0);
    if (!error.retryAfterSeconds) return;
    const until = Date.now() + error.retryAfterSeconds * 1000;
    const timer = setInterval(() => {
      const rest = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(rest);
      if (rest === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [error]);
  const retryable = error.retry !== undefined && (error.code === 'RATE_LIMITED' || error.code === 'SERVICE_UNAVAILABLE' || error.code === 'UNREACHABLE');
  return (
    <div class="error" role="alert">
      <h2>{t.error.title}</h2>
      <p>{error.message}</p>
      {error.retryAfterSeconds !== null && <p>{t.error.retryAfter(error.retryAfterSeconds)}</p>}
      {retryable && (
        <p>
          <button type="button" onClick={() => error.retry?.()} disabled={left > 0}>
            {left > 0 ? t.error.retryIn(left) : t.error.retry}
          </button>
        </p>
      )}
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

/** How certain a published mailbox or phone number is: nothing for an official page, else a plain caution. */
export function BasisNote({ basis }: { basis?: string | null }) {
  const note = basis ? t.channelBasis[basis] : '';
  return note ? <span class="caution"> ({note})</span> : null;
}

/** A date as precisely as its source gives it (see `t.format.partialDate`), in a <time> element. */
export function PartialDateText({ date }: { date: { value: string; precision: string } }) {
  return <time dateTime={date.value}>{t.format.partialDate(date)}</time>;
}

/** A functional contact point (a unit, its role mailbox and phone with how certain they are, web, contact page, as-of date); never a person. */
export function ContactPointLine({
  point,
}: {
  point: {
    unit?: string | null;
    municipalityWording?: string | null;
    email?: string | null;
    emailBasis?: string | null;
    phone?: string | null;
    phoneBasis?: string | null;
    web?: string | null;
    contactPage?: string | null;
    asOf?: { value: string; precision: string } | null;
  };
}) {
  const c = t.contactPoint;
  return (
    <>
      {point.unit ?? point.municipalityWording}
      {point.email && (
        <>
          {' — '}
          <a href={`mailto:${point.email}`}>{point.email}</a>
          <BasisNote basis={point.emailBasis} />
        </>
      )}
      {point.phone && (
        <>
          {' — '}
          {c.phone} {point.phone}
          <BasisNote basis={point.phoneBasis} />
        </>
      )}
      {point.web && (
        <>
          {' — '}
          <a href={point.web} rel="noreferrer">
            {c.web}
            <span class="visually-hidden">: {point.web}</span>
          </a>
        </>
      )}
      {point.contactPage && (
        <>
          {' — '}
          <a href={point.contactPage} rel="noreferrer">
            {c.contactPage}
            <span class="visually-hidden">: {point.contactPage}</span>
          </a>
        </>
      )}
      {point.asOf && (
        <span class="small">
          {' '}
          ({c.asOf(t.format.partialDate(point.asOf))})
        </span>
      )}
    </>
  );
}

/** What a detail page says for a key that names nothing: a plain alert with the page's heading. */
export function NotFoundAlert({ text }: { text: string }) {
  return (
    <div class="error" role="alert">
      <h1>{t.error.title}</h1>
      <p>{text}</p>
    </div>
  );
}

/** Topics as chips, each linked to its page. */
export function TopicChips({ topics }: { topics: readonly { slug: string; name: string }[] }) {
  return (
    <ul class="chips">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <a href={`/thema/${topic.slug}`}>{topic.name}</a>
        </li>
      ))}
    </ul>
  );
}

/** A project's runners, each linked to its page, with the role where asked. */
export function RunnerLinks({ runners, roles = false }: { runners: readonly { role?: string; municipality: { ags: string; name: string } }[]; roles?: boolean }) {
  return (
    <>
      {runners.map((r, i) => (
        <span key={r.municipality.ags}>
          {i > 0 && ', '}
          <a href={`/gemeinde/${r.municipality.ags}`}>{r.municipality.name}</a>
          {roles && r.role && <span class="small"> ({t.municipality.role[r.role]})</span>}
        </span>
      ))}
    </>
  );
}

/** A detail page's own sources: every address written out as its link, so the reader sees where a fact comes from before following it. */
export function SourceList({ id, urls }: { id: string; urls: readonly string[] }) {
  if (urls.length === 0) return null;
  // One fact's several rows in the data may cite the same page: each page once.
  const unique = [...new Set(urls)];
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t.municipality.sources}</h2>
      <ul class="source-list">
        {unique.map((url) => (
          <li key={url}>
            <a href={url} rel="noreferrer">
              {url}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Names that have pages of their own, each linked, separated by commas. */
export function NameLinks({ items }: { items: readonly { href: string; name: string }[] }) {
  return (
    <>
      {items.map((x, i) => (
        <span key={x.href}>
          {i > 0 && ', '}
          <a href={x.href}>{x.name}</a>
        </span>
      ))}
    </>
  );
}

/**
 * A table that may be wider than a phone's screen scrolls sideways in a box of its own instead of widening the
 * page. The box is a named region the keyboard can reach (tabindex 0), so it can be scrolled without a mouse.
 */
export function TableRegion({ caption, children }: { caption: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={t.tableRegion(caption)} tabIndex={0}>
      {children}
    </div>
  );
}
