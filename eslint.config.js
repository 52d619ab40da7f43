import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['wizard', 'guide', 'export'];

// Imports flow one way: engine <- features <- app. See STYLE.md, "The shape of the house".
// A zone only fires on imports the resolver can follow, hence the TypeScript-aware resolver below.
const boundaryZones = [
  {
    target: './src/engine',
    from: ['./src/features', './src/app', './src/components', './src/cli'],
    message: 'The engine is pure TypeScript and imports nothing from the app, the UI or the CLI.',
  },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature does not import another feature; move shared code to src/components.',
  })),
  {
    target: './src/features',
    from: './src/app',
    message: 'Features do not import the app; the app composes features.',
  },
  {
    target: './src/components',
    from: ['./src/features', './src/app'],
    message: 'src/components holds presentational pieces that know no feature and no app.',
  },
];

export default defineConfig([
  globalIgnores([
    'dist/',
    'dist-*/',
    'test-results-*/',
    'bench-results/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    'blob-report/',
    '.scratch/',
  ]),

  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },

  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.json'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
    },
  },

  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**', 'src/cli/**'],
    extends: [reactHooks.configs.flat.recommended, pluginQuery.configs['flat/recommended']],
  },

  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query'],
              message: 'The engine is pure TypeScript: no React here.',
            },
          ],
        },
      ],
    },
  },

  {
    // Asymmetric matchers such as expect.stringContaining() are typed `any` by design.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Injected into pages by the benchmark: browser code.
    files: ['scripts/bench/probe.js'],
    languageOptions: { globals: globals.browser },
  },
]);
