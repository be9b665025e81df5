// Layering rules (architecture.md): each folder may import only what its layer allows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url'],
  message: '此层不能使用 Node 内置模块。',
};
const electron = {
  group: ['electron', 'electron/*'],
  message: '只有 main/app、main/ipc/register 与 preload 可以使用 Electron。',
};
const mainSide = { group: ['**/main/**', '../main/*', '../../main/*'], message: 'renderer/shared 不能引用 main/。' };
const rendererSide = { group: ['**/renderer/**'], message: 'main/shared 不能引用 renderer/。' };
const preloadSide = { group: ['**/preload/**'], message: '不能引用 preload/。' };
const nodeLibs = {
  group: ['better-sqlite3', 'kysely', 'docx', 'exceljs', 'jszip', 'iconv-lite'],
  message: '这些库只在 main 侧使用。',
};
const upperLayers = {
  // Relative paths climbing straight into main/'s upper folders (not into shared/ipc, which is the contract).
  regex: '^(\\.\\./)+(areas|cli|ipc|web|app|index)(/|$)',
  message: '业务层不能引用其上层（业务区清单、命令行、IPC、网页版、Electron 外壳）：由组合根通过 ctx 传入所需内容。',
};
const uiLibs = {
  group: ['react', 'react-dom', 'react/*', 'antd', 'antd/*', '@ant-design/*'],
  message: '界面库只在 renderer 中使用。',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // TypeScript checks names itself; no-undef only misfires on DOM and Node globals.
    files: ['**/*.{ts,tsx}'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, electron, mainSide, rendererSide, preloadSide, nodeLibs, uiLibs] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, electron, mainSide, preloadSide, nodeLibs] }],
      // One way to ask before a destructive click (renderer/components/destructive.ts): the focus on 取消, OK in red.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='Popconfirm']",
          message:
            '删除、移除、恢复等操作前的询问请用 DeleteButton（components/DeleteButton.tsx）：确定键为红色，焦点在“取消”上。',
        },
      ],
    },
  },
  {
    files: ['renderer/components/DeleteButton.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['main/web/**/*.ts', 'main/cli.ts', 'main/cli/**/*.ts', 'main/ipc/dispatch.ts', 'main/ipc/handlers.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, rendererSide, preloadSide, uiLibs] }] },
  },
  {
    // Every import points down: the services and what they use never import the layers above them (the area
    // manifests and their list, the CLI, the transports, the Electron shell); those hand them what they need.
    files: ['main/services/**/*.ts', 'main/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electron, rendererSide, preloadSide, uiLibs, upperLayers] }],
    },
  },
  {
    // Export builders are pure: data in, Buffer out. No file system.
    files: ['main/export/**/*.ts', 'main/import/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            rendererSide,
            preloadSide,
            uiLibs,
            upperLayers,
            {
              group: ['node:fs', 'node:fs/*', 'fs', 'better-sqlite3', 'kysely'],
              message: '导入解析与导出生成不访问文件和数据库。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [mainSide, rendererSide, nodeLibs, uiLibs] }] },
  },
);
