import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'buffer',
  'util',
  'events',
];

export default tseslint.config(
  { ignores: ['node_modules', 'client/dist', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['server/**/*.ts', 'test/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
  },
  {
    // chai's property assertions (`.to.exist`) read as bare expressions.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['client/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // shared/ is used by both sides: no Node, no DOM, no server or client code.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: 'shared/ must not import Node modules' },
            {
              group: ['express', 'mongoose', 'socket.io', 'react', 'react-dom', 'react-*'],
              message: 'shared/ must not import server or UI libraries',
            },
            { group: ['**/server/**', '**/client/**', '../server', '../client'], message: 'shared/ must not import server/ or client/' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '../server', '@server/*'], message: 'the client never imports server/' },
            { group: NODE_BUILTINS, message: 'the client runs in the browser' },
          ],
        },
      ],
    },
  },
  {
    // Server code reaches the database only through models, commands and routes, never the client.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/client/**'], message: 'the server never imports client/' }] }],
    },
  },
);
