// The machine path: a bearer token or an app's API key, pasted once and kept in sessionStorage (gone when
// the tab closes), sent with every request. People sign in at the identity provider instead and hold only
// the API's HttpOnly session cookie (session-links.tsx): no token of theirs is ever in the page's storage.
import { useEffect, useState } from 'preact/hooks';

export type Credential = { kind: 'token' | 'key'; value: string };
const KEY = 'smart-city-graph.credential';
const listeners = new Set<() => void>();

export function credential(): Credential | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Credential) : null;
  } catch {
    return null;
  }
}

export function setCredential(next: Credential | null): void {
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function credentialHeaders(): Record<string, string> {
  const c = credential();
  if (!c) return {};
  return c.kind === 'token' ? { authorization: `Bearer ${c.value}` } : { 'x-api-key': c.value };
}

/** Re-renders the component when the session's credential changes; returns it. */
export function useCredential(): Credential | null {
  const [current, setCurrent] = useState(credential);
  useEffect(() => {
    const update = () => setCurrent(credential());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return current;
}

/**
 * The API answered a request as anonymous because the credential it carried was refused (expired, revoked):
 * the credential is forgotten, so it is not sent again, and the notice shown once until dismissed or a new
 * sign-in.
 */
let refusedNotice = false;
export function credentialRefused(): void {
  const wasShown = refusedNotice;
  refusedNotice = true;
  // A pasted credential is forgotten; a session cookie the API has already deleted (it ran out).
  if (credential() !== null) setCredential(null);
  else if (!wasShown) for (const listener of listeners) listener();
}
export function dismissRefusedNotice(): void {
  refusedNotice = false;
  for (const listener of listeners) listener();
}
/** Whether to show that the credential was refused; re-renders when that changes. */
export function useRefusedNotice(): boolean {
  const [shown, setShown] = useState(refusedNotice);
  useEffect(() => {
    const update = () => setShown(refusedNotice && credential() === null);
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return shown;
}
