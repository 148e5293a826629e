// Lint rules that guard the design: no Electron in archive/, no HTML from clipping text.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Clipping text is never rendered as HTML.',
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/*.js', 'tests/support/*.js', 'bench/*.js', '*.js'],
    languageOptions: { globals: globals.node },
  },
  // Playwright fixtures without dependencies are declared with an empty pattern by design.
  { files: ['tests/e2e/**/*.ts', 'tests/electron/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  {
    files: ['archive/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'archive/ is free of Electron.' }],
          patterns: ['react', 'react-dom', '../main/*', '../renderer/*'],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
