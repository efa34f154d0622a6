// Who is asking, and what follows from it. The rules themselves live in the
// Cypher (contact visibility in contact.record.ts, write ownership in
// guard.ts); this file only turns a viewer into the parameters those
// statements take, and answers the role questions that need no data.
import { ApiError } from '../errors.js';

/**
 * `none`: a person who signed in through the identity provider but holds no right yet — reads what any
 * signed-in person reads, writes nothing (until the rights model grants them something).
 */
export type PersonRole = 'member' | 'analyst' | 'admin' | 'none';
export type KeyRole = 'READER' | 'ANALYST';

export type Viewer =
  | { kind: 'anonymous' }
  /** A third-party app with an API key: read only. */
  | { kind: 'key'; keyId: string; name: string; role: KeyRole; rateLimit: number }
  /** A person with a signed bearer token or a session cookie. `ags` is the municipality a member acts for (null for other roles). */
  | { kind: 'person'; subject: string; role: PersonRole; ags: string | null };

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'anonymous' });

export const isAdmin = (v: Viewer): boolean => v.kind === 'person' && v.role === 'admin';

/** The municipality a member acts for; null for everyone else. */
export const memberAgs = (v: Viewer): string | null => (v.kind === 'person' && v.role === 'member' ? v.ags : null);

/** Analysts, admins and analyst API keys read the network analytics. */
export const readsAnalytics = (v: Viewer): boolean =>
  (v.kind === 'person' && (v.role === 'analyst' || v.role === 'admin')) || (v.kind === 'key' && v.role === 'ANALYST');

/**
 * The `$viewer` parameter of every statement that returns contacts:
 * `admin` sees everything, `signedIn` people see MEMBERS contacts, `ags` is
 * the member's own municipality (its staff are visible to it in full).
 */
export interface ViewerParams {
  admin: boolean;
  signedIn: boolean;
  ags: string | null;
}

export const viewerParams = (v: Viewer): ViewerParams => ({ admin: isAdmin(v), signedIn: v.kind === 'person', ags: memberAgs(v) });

/** The `$scope` parameter of the write guards: who may change what (guard.ts). */
export interface WriteScope {
  admin: boolean;
  ags: string | null;
}

export const writeScope = (v: Viewer): WriteScope => ({ admin: isAdmin(v), ags: memberAgs(v) });

export const unauthenticated = (message: string) => new ApiError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new ApiError('FORBIDDEN', message);

/** What a repository needs to know about the viewer: the read parameters and the write scope. */
export interface Access {
  viewer: ViewerParams;
  scope: WriteScope;
}

export const accessOf = (v: Viewer): Access => ({ viewer: viewerParams(v), scope: writeScope(v) });

/** The GraphQL `Viewer` is the viewer itself. */
export type ViewerRecord = Viewer;
