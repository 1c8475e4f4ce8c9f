// Lint: the layering rules are the point (core is pure; client never reaches into the server
// except its protocol and the node-side proxy layer), plus typescript-eslint's recommended set.
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.e2e/**', 'schemas/**', 'corpus/**', 'bench/out/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: restrict([
      { group: ['vscode', 'vscode-*', '@kubernetes/*'], message: 'core is pure: no editor or LSP packages' },
      { group: ['fs', 'node:*', 'path', 'http', 'https', 'net', 'child_process', 'os', 'crypto'], message: 'core is pure: inject I/O instead' },
      { group: ['**/lsp/**', '**/cli/**', '**/proxy/transport/**', '../../proxy/**', '**/protocol/**', '**/client/**'], message: 'core depends on nothing outside core' },
    ]),
  },
  {
    files: ['server/src/protocol/**/*.ts'],
    rules: restrict([{ group: ['*', '!vscode-languageserver-protocol'], message: 'protocol holds contracts only' }]),
  },
  {
    files: ['server/src/lsp/**/*.ts', 'server/src/cli/**/*.ts', 'server/src/proxy/**/*.ts'],
    rules: restrict([{ group: ['vscode'], message: 'the server side never imports vscode' }]),
  },
  {
    files: ['server/src/cli/**/*.ts', 'server/src/proxy/**/*.ts'],
    rules: restrict([{ group: ['vscode', 'vscode-languageserver*'], message: 'the CLI and proxy layer do not use LSP' }]),
  },
  {
    files: ['client/src/**/*.ts'],
    rules: restrict([
      { group: ['**/server/src/lsp/**', '**/server/src/cli/**'], message: 'client reaches the server only through server/src/protocol, core/proxy and proxy' },
    ]),
  },
);
