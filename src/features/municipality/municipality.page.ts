// Look-ahead for the municipality page: when `Query.municipality` is asked for
// its first projects (with their topics and contacts, and its own contacts),
// one statement fetches all of it and primes the loaders the nested resolvers
// use, instead of one statement per level. Anything else (a cursor, a role
// filter, fields inside fragments) takes the ordinary loader path, which gives
// the same answer in more round-trips.
import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { pageRequest } from '../../kernel/connection.js';
import { fieldsNamed, selectionAt, selects } from '../../kernel/look-ahead.js';
import { narrowParams } from '../../records/projection.js';

/** Primes the loaders for `ags` when the operation asks for a municipality page; otherwise does nothing. */
export async function primeMunicipalityPage(ags: string, info: GraphQLResolveInfo, context: Context): Promise<void> {
  const here = selectionAt(info, []);
  const projectFields = fieldsNamed(here, 'projects');
  if (projectFields.length !== 1) return;
  const type = info.schema.getType('Municipality');
  if (!isObjectType(type)) return;
  const args = getArgumentValues(type.getFields().projects!, projectFields[0]!, info.variableValues) as { role?: string | null; first?: number | null; after?: string | null };
  if (args.role != null || args.after != null) return;
  const page = pageRequest('municipality.projects', args); // invalid `first` throws here as it would in the resolver
  const node = selectionAt(info, ['projects', 'edges', 'node']);
  const want = { topics: selects(node, 'topics'), projectContacts: selects(node, 'contacts'), contacts: selects(here, 'contacts') };

  const { loaders } = context;
  // A loader, so the pages of several municipalities in one operation (aliases) come in one statement.
  const found = await loaders.municipalityPage.load({ ags, limit: page.limit, ...want, ...narrowParams(info) });
  if (!found) {
    loaders.municipality.prime(ags, null); // no such municipality: nothing more to ask
    return;
  }
  loaders.municipality.prime(ags, found.municipality);
  loaders.municipalityProjects.prime({ ags, role: null, limit: page.limit, after: null }, found.projects);
  for (const [slug, topics] of found.topics ?? []) loaders.projectTopics.prime(slug, topics);
  for (const [slug, contacts] of found.projectContacts ?? []) loaders.projectContacts.prime(slug, contacts);
  if (found.contacts) loaders.municipalityContacts.prime(ags, found.contacts);
}
