import tseslint from 'typescript-eslint';

// Layering (STYLE.md 1): the core imports nothing from the UI, the workers, React, the DOM
// libraries or Node built-ins; `any` is banned everywhere.
export default tseslint.config(
  // AssemblyScript (src/core/engine/kernels/assembly) is checked by its own compiler, asc.
  { ignores: ['dist/**', 'node_modules/**', '.scratch/**', 'test-results/**', 'src/core/engine/kernels/assembly/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'comlink', 'd3-*'], message: 'the core is UI-free (STYLE.md 1)' },
            { group: ['**/ui/**', '**/workers/**', '**/cli/**'], message: 'dependencies point down: the core imports nothing above it' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'the core runs in browsers: no Node built-ins' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'location', 'navigator', 'localStorage'],
    },
  },
);
