// From a person the identity provider vouches for to a Viewer. For now the
// rights come from the ID token's own claims (`scg_role`, `scg_ags`: the
// local demo provider issues them, a Keycloak realm maps them from user
// attributes); the rights model in the graph (issue 34, point 4) replaces
// this one function, which is why everything else goes through it.
import { z } from 'zod';
import { agsSchema } from '../kernel/validation.js';
import type { Viewer } from './viewer.js';

export interface Identity {
  /** The provider's issuer identifier: a subject only means something together with it. */
  issuer: string;
  subject: string;
  email: string | null;
  name: string | null;
  /** The claims this mapping reads (IDENTITY_CLAIMS), as the ID token carried them. */
  claims: Record<string, unknown>;
}

/** The claims viewerForIdentity reads; the session keeps these and no others. */
export const IDENTITY_CLAIMS = ['scg_role', 'scg_ags'] as const;

const rights = z.discriminatedUnion('scg_role', [
  z.object({ scg_role: z.literal('member'), scg_ags: agsSchema }),
  z.object({ scg_role: z.literal('analyst') }),
  z.object({ scg_role: z.literal('admin') }),
]);

/**
 * Issuer and subject in one string: two providers may both have a user "42", and they are not the same
 * person (OpenID Connect Core §5.7: only the pair is unique).
 */
export const personSubject = (issuer: string, subject: string) => `${issuer}#${subject}`;

/** A person with no (or unreadable) rights claims is signed in with role `none`: reads, writes nothing. */
export function viewerForIdentity(identity: Identity): Viewer {
  const subject = personSubject(identity.issuer, identity.subject);
  const parsed = rights.safeParse(identity.claims);
  if (!parsed.success) return { kind: 'person', subject, role: 'none', ags: null };
  const r = parsed.data;
  return { kind: 'person', subject, role: r.scg_role, ags: r.scg_role === 'member' ? r.scg_ags : null };
}
