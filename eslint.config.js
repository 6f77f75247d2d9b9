import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const uiPackages = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'recharts', 'katex', 'katex/*'];

export default tseslint.config(
  // Everything git ignores (.gitignore: builds, reports, scratch folders like .lead/) is not linted either.
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'coverage/**', 'public/**', 'test-results/**', '.lead/**', '.vite/**', 'tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The engine is pure: no UI, no DOM, no app code, no global randomness.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiPackages.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'src/ is the pure engine: no UI packages.' })),
          patterns: [
            { group: ['**/app/**', '../app', '../../app'], message: 'src/ must never import app/.' },
            { group: uiPackages.filter((p) => p.includes('*')), message: 'src/ is the pure engine: no UI packages.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass the seeded Rng instead.' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Randomness comes from the engine\'s seeded Rng.' }],
    },
  },
  {
    // One job per file and per function. A file or function that must be longer says why in an
    // `eslint-disable max-lines -- reason` comment at its top.
    files: ['app/**/*.{ts,tsx}', 'src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
