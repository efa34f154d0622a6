// Reading ahead in the operation: which fields a resolver's caller selected
// below it, so one statement can fetch what several levels would. Only fields
// named directly are seen (not those inside fragments): what is not seen is
// simply fetched level by level, with the same answer.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The directly selected fields of a selection set with this name (under any alias). */
export const fieldsNamed = (set: SelectionSetNode | undefined, name: string): FieldNode[] =>
  (set?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name);

/** The selection set reached by following `path` (field names) from this resolver's field; undefined when not selected so. */
export function selectionAt(info: GraphQLResolveInfo, path: string[]): SelectionSetNode | undefined {
  let set = info.fieldNodes.length === 1 ? info.fieldNodes[0]!.selectionSet : undefined;
  for (const name of path) {
    const found = fieldsNamed(set, name);
    if (found.length !== 1) return undefined;
    set = found[0]!.selectionSet;
  }
  return set;
}

export const selects = (set: SelectionSetNode | undefined, name: string): boolean => fieldsNamed(set, name).length > 0;
