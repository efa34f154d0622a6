// Which projection an operation needs: every field it may select on a type,
// through fragments and abstract types, must need no more than key and name.
import { buildSchema, Kind, parse, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { narrow } from '../../src/records/projection.js';
import { loadTypeDefs } from '../../src/schema.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const infoOf = (source: string) => {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return { schema, operation, fragments } as unknown as GraphQLResolveInfo;
};

describe('narrow projections', () => {
  it('are enough when every selection of the type needs only key and name (relations load by key)', () => {
    const info = infoOf('{ municipality(ags: "07137") { id ags name contacts { name } projects { edges { node { __typename slug name topics { slug name } runners { role } } } } } }');
    expect([narrow(info, 'Municipality'), narrow(info, 'Project'), narrow(info, 'Topic')]).toEqual([true, true, true]);
  });

  it('are not, once any selection of the type asks more, wherever it stands', () => {
    expect(narrow(infoOf('{ municipality(ags: "07137") { name } other: municipality(ags: "07") { population } }'), 'Municipality')).toBe(false);
    expect(narrow(infoOf('{ projects { edges { node { ...P } } } } fragment P on Project { summary }'), 'Project')).toBe(false);
    expect(narrow(infoOf('{ projects { edges { node { slug topics { description } } } } }'), 'Topic')).toBe(false);
  });

  it('count a field asked on an interface or union for each of its types', () => {
    const info = infoOf('{ node(id: "x") { ... on Project { startDate } } search(text: "x") { node { ... on Municipality { kind } } } }');
    expect(narrow(info, 'Project')).toBe(false);
    expect(narrow(info, 'Municipality')).toBe(false);
    expect(narrow(info, 'Topic')).toBe(true);
  });
});
