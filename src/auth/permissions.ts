// Which callers may run an operation at all, by root field. This is the first
// gate, before any resolver runs; which *data* a member may change is decided
// by the guards in the Cypher (guard.ts). Every mutation must be listed: the
// type below makes a missing one a compile error.
import type { MutationResolvers, QueryResolvers } from '../generated/graphql.js';
import { forbidden, readsAnalytics, unauthenticated, type Viewer } from './viewer.js';

/**
 * ADMIN: admins only. MEMBER: admins, and members for their own
 * municipality's data (checked by the guards). ANALYTICS: analysts, admins
 * and analyst API keys.
 */
export type Access = 'ADMIN' | 'MEMBER' | 'ANALYTICS';

export const MUTATION_ACCESS: Record<keyof Required<MutationResolvers>, Exclude<Access, 'ANALYTICS'>> = {
  // Projects their municipality runs.
  createProject: 'MEMBER',
  updateProject: 'MEMBER',
  deleteProject: 'MEMBER',
  addRunner: 'MEMBER',
  removeRunner: 'MEMBER',
  addProjectTopic: 'MEMBER',
  removeProjectTopic: 'MEMBER',
  addProjectContact: 'MEMBER',
  removeProjectContact: 'MEMBER',
  // Contacts who work for their municipality.
  createContact: 'MEMBER',
  updateContact: 'MEMBER',
  deleteContact: 'MEMBER',
  addExpertise: 'MEMBER',
  removeExpertise: 'MEMBER',
  exportContact: 'MEMBER',
  eraseContact: 'MEMBER',
  // Their municipality's interests and attendance.
  addInterest: 'MEMBER',
  removeInterest: 'MEMBER',
  recordAttendance: 'MEMBER',
  removeAttendance: 'MEMBER',
  // The shared reference data, funding records and the network records of the transfer office.
  addBacker: 'ADMIN',
  removeBacker: 'ADMIN',
  upsertMunicipality: 'ADMIN',
  linkExchange: 'ADMIN',
  unlinkExchange: 'ADMIN',
  createTopic: 'ADMIN',
  updateTopic: 'ADMIN',
  deleteTopic: 'ADMIN',
  createOrganization: 'ADMIN',
  updateOrganization: 'ADMIN',
  deleteOrganization: 'ADMIN',
  createEvent: 'ADMIN',
  updateEvent: 'ADMIN',
  deleteEvent: 'ADMIN',
  addEventTopic: 'ADMIN',
  removeEventTopic: 'ADMIN',
  createApiKey: 'ADMIN',
  revokeApiKey: 'ADMIN',
};

/** Queries that are not open to everyone. */
export const QUERY_ACCESS: Partial<Record<keyof QueryResolvers, Access>> = {
  reach: 'ANALYTICS',
  reachGrowth: 'ANALYTICS',
  reachNetwork: 'ANALYTICS',
  apiKeys: 'ADMIN',
};

/** Mutations that change nothing (they are mutations because they are logged as an act on personal data). */
const CHANGES_NOTHING: ReadonlySet<string> = new Set<keyof MutationResolvers>(['exportContact']);

/**
 * Throws unless `viewer` may run a field with `access`: UNAUTHENTICATED for
 * anonymous callers (credentials would help), FORBIDDEN for callers whose
 * credentials do not carry the right. Each message says what the field needs.
 */
export function checkAccess(viewer: Viewer, access: Access, field: string, isMutation: boolean): void {
  const needs =
    access === 'ADMIN' ? "an admin's bearer token" : access === 'MEMBER' ? "a member's or an admin's bearer token" : 'an analyst API key or an analyst’s or admin’s bearer token';
  if (viewer.kind === 'anonymous') {
    throw unauthenticated(isMutation && !CHANGES_NOTHING.has(field) ? `\`${field}\` changes data: it needs ${needs}.` : `\`${field}\` needs ${needs}.`);
  }
  if (access === 'ANALYTICS' && readsAnalytics(viewer)) return;
  if (viewer.kind === 'key') {
    throw forbidden(
      isMutation
        ? `API keys cannot call mutations: \`${field}\` needs ${needs}.`
        : access === 'ANALYTICS'
          ? `\`${field}\` is for analysts; this API key's role is ${viewer.role}.`
          : `\`${field}\` needs ${needs}; API keys cannot use it.`,
    );
  }
  if (viewer.role === 'admin') return;
  if (access === 'MEMBER' && viewer.role === 'member') return;
  if (viewer.role === 'none') throw forbidden(`\`${field}\` needs ${needs}; you are signed in but hold no rights yet.`);
  throw forbidden(`\`${field}\` needs ${needs}; this token's role is ${viewer.role}.`);
}
