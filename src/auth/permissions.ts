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

/**
 * Throws unless `viewer` may run a field with `access`: UNAUTHENTICATED for
 * anonymous callers (credentials would help), FORBIDDEN for callers whose
 * credentials do not carry the right.
 */
export function checkAccess(viewer: Viewer, access: Access, field: string, isMutation: boolean): void {
  if (viewer.kind === 'anonymous') {
    throw unauthenticated(
      isMutation
        ? `\`${field}\` changes data: sign in with a bearer token.`
        : access === 'ANALYTICS'
          ? `\`${field}\` needs credentials: an analyst API key or a bearer token.`
          : `\`${field}\` needs an admin's bearer token.`,
    );
  }
  if (access === 'ANALYTICS' && readsAnalytics(viewer)) return;
  if (viewer.kind === 'key') {
    throw forbidden(isMutation ? 'API keys are read-only.' : `\`${field}\` is for analysts; this API key's role is ${viewer.role}.`);
  }
  if (viewer.role === 'admin') return;
  if (access === 'MEMBER' && viewer.role === 'member') return;
  throw forbidden(`\`${field}\` is not open to the role ${viewer.role}.`);
}
