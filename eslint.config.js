// typescript-eslint with type information over src/ and tests/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'src/generated/', 'neo4j/target/', 'node_modules/', '.neo4j*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Cypher safety (src/db/cypher.ts): a Statement is made only by cypher(), never by a cast, and
    // the driver is used only through src/db/database.ts, whose Tx.run takes Statements only.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression[typeAnnotation.typeName.name='Statement'], TSTypeAssertion[typeAnnotation.typeName.name='Statement']",
          message: 'Statements come from cypher() only, built while modules load: values go in parameters.',
        },
        {
          selector: "CallExpression[callee.property.name=/^(executeQuery|session)$/]",
          message: 'Talk to Neo4j through src/db/database.ts (named statements, executeRead/executeWrite).',
        },
      ],
    },
  },
  {
    // Tests and the benchmark read GraphQL responses as untyped JSON; the assertions (or the equality check) are their types.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
