// The organization records the API hands around: plain values, no driver types.
import type { Row } from '../db/database.js';
import type { OrganizationKind } from '../generated/graphql.js';

export interface OrganizationRecord {
  __typename: 'Organization';
  slug: string;
  name: string;
  kind: OrganizationKind;
  url: string | null;
  country: string | null;
}

export const toOrganization = (p: Row): OrganizationRecord => ({
  __typename: 'Organization',
  slug: p.id as string,
  name: p.name as string,
  kind: p.kind as OrganizationKind,
  url: (p.url as string | null) ?? null,
  country: (p.country as string | null) ?? null,
});
