// How much of a node to read: a statement that fetches ahead (a page with its
// relations) primes per-request loaders, so what it reads must serve every
// selection of that type in the whole operation. When all of them need only a
// node's key and name, reading just those is enough — and much less than
// every property (summaries, descriptions, sources) for each row.
import { isAbstractType, Kind, TypeInfo, visit, visitWithTypeInfo, type GraphQLResolveInfo } from 'graphql';

/** Per type, the fields that need no more than the narrow projection (relations load by the key). */
export const NARROW_FIELDS = {
  Project: new Set(['__typename', 'id', 'slug', 'name', 'topics', 'contacts', 'runners', 'funders', 'supporters']),
  Municipality: new Set(['__typename', 'id', 'ags', 'name', 'projects', 'contacts']),
  Topic: new Set(['__typename', 'id', 'slug', 'name']),
} as const;

/** The narrow projections themselves: what the fields above read. */
export const NARROW_PROJECTION = {
  Project: (p: string) => `${p} {.id, .name}`,
  Municipality: (m: string) => `${m} {.ags, .name}`,
  Topic: (t: string) => `${t} {.slug, .name}`,
} as const;

const selectedByOperation = new WeakMap<object, Map<string, Set<string>>>();

/**
 * Every field the operation may select on each object type: through all its
 * fragments, and a field on an interface or union counted for each of its
 * types. Variables are not looked at (an @include counts as included), so the
 * answer is per operation and kept for it.
 */
function selectedFields(info: GraphQLResolveInfo): Map<string, Set<string>> {
  const known = selectedByOperation.get(info.operation);
  if (known) return known;
  const byType = new Map<string, Set<string>>();
  const typeInfo = new TypeInfo(info.schema);
  const document = { kind: Kind.DOCUMENT, definitions: [info.operation, ...Object.values(info.fragments)] } as const;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        for (const type of isAbstractType(parent) ? info.schema.getPossibleTypes(parent) : [parent]) {
          let fields = byType.get(type.name);
          if (!fields) byType.set(type.name, (fields = new Set()));
          fields.add(node.name.value);
        }
      },
    }),
  );
  selectedByOperation.set(info.operation, byType);
  return byType;
}

/** True when every field the operation selects on `type` needs only its narrow projection. */
export function narrow(info: GraphQLResolveInfo, type: keyof typeof NARROW_FIELDS): boolean {
  const fields = selectedFields(info).get(type);
  const allowed: ReadonlySet<string> = NARROW_FIELDS[type];
  return !fields || [...fields].every((f) => allowed.has(f));
}

/** The statement parameter that picks, per type, the narrow projection or the whole node. */
export const narrowParams = (info: GraphQLResolveInfo) => ({
  narrow: { project: narrow(info, 'Project'), municipality: narrow(info, 'Municipality'), topic: narrow(info, 'Topic') },
});
export type NarrowParams = ReturnType<typeof narrowParams>['narrow'];
export const WIDE: NarrowParams = { project: false, municipality: false, topic: false };

/** `CASE` on $narrow (or a map holding it): only the chosen projection is read. */
export const projected = (type: keyof typeof NARROW_PROJECTION, variable: string, flag: string) =>
  `CASE WHEN ${flag} THEN ${NARROW_PROJECTION[type](variable)} ELSE ${variable} {.*} END`;
