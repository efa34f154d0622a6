// The schema is the user documentation: every type, field, argument and enum value is described.
import { buildASTSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/schema.js';

describe('schema descriptions', () => {
  it('has a description on every type, field, argument and enum value', () => {
    const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description?.trim()) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
      }
      if (isUnionType(type) && type.getTypes().length === 0) missing.push(`${type.name} (empty union)`);
    }
    expect(missing).toEqual([]);
  });
});
