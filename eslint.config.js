// typescript-eslint with type information over src/ and tests/.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'src/generated/', 'web/dist/', 'web/src/gql/', 'neo4j/target/', 'node_modules/', '.neo4j*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // An area merges its members into the contract with `interface Loaders extends ReturnType<…> {}` (src/features/context.ts).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
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
    // The layers of src/ (docs/architecture.md), each importing only downwards:
    //   base (config, errors, logger, metrics, paths) → db → kernel → auth → records
    //   → features (the contract features/context.ts, then one folder per area, never another area)
    //   → the composition root (src/*.ts, limits/, import/, scripts/, http/).
    // generated/ is the schema's types, open to everyone.
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/include': ['src/**/*.ts'],
      'boundaries/elements': [
        { type: 'generated', pattern: 'src/generated' },
        { type: 'db', pattern: 'src/db' },
        { type: 'kernel', pattern: 'src/kernel' },
        { type: 'auth', pattern: 'src/auth' },
        { type: 'records', pattern: 'src/records' },
        { type: 'feature', pattern: 'src/features/*', capture: ['area'] },
        { type: 'app', pattern: 'src/(limits|import|scripts|http)' },
      ],
      'boundaries/files': [
        { category: 'base', pattern: 'src/(config|errors|logger|metrics|paths).ts' },
        { category: 'contract', pattern: 'src/features/context.ts' },
        { category: 'root', pattern: 'src/*.ts' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: 'Layers import only downwards, and an area never imports another area (docs/architecture.md).',
          policies: [
            { allow: { to: { element: { type: 'generated' } } } },
            { allow: { to: { file: { categories: 'base' } } } },
            { allow: { to: { module: { origin: 'external' } } } },
            { allow: { to: { module: { origin: 'core' } } } },
            { from: { element: { type: 'generated' } }, allow: { to: { element: { type: '*' } } } },
            { from: { file: { categories: 'root' } }, allow: { to: { element: { type: '*' } } } },
            { from: { file: { categories: 'root' } }, allow: { to: { file: { categories: { anyOf: ['root', 'contract'] } } } } },
            { from: { element: { type: 'db' } }, allow: { to: { element: { type: 'db' } } } },
            { from: { element: { type: 'kernel' } }, allow: { to: { element: { types: { anyOf: ['db', 'kernel'] } } } } },
            { from: { element: { type: 'auth' } }, allow: { to: { element: { types: { anyOf: ['db', 'kernel', 'auth'] } } } } },
            { from: { element: { type: 'records' } }, allow: { to: { element: { types: { anyOf: ['db', 'kernel', 'auth', 'records'] } } } } },
            { from: { file: { categories: 'contract' } }, allow: { to: { element: { types: { anyOf: ['db', 'kernel', 'auth', 'records'] } } } } },
            { from: { element: { type: 'feature' } }, allow: { to: { file: { categories: 'contract' } } } },
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { types: { anyOf: ['db', 'kernel', 'auth', 'records'] } } } },
            },
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { type: 'feature', captured: { area: '{{ from.element.captured.area }}' } } } },
            },
            { from: { element: { type: 'app' } }, allow: { to: { element: { type: '*' } } } },
            { from: { element: { type: 'app' } }, allow: { to: { file: { categories: { anyOf: ['root', 'contract'] } } } } },
          ],
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
