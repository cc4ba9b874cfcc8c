// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, Svelte's, and
// Prettier's switch-off of formatting rules, plus the rules that catch what once slipped through
// review: unused variables and imports, floating promises on the server, and {@html} only where
// a comment says why the HTML is safe. Unused exports are found by knip (`npm run lint`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Code that runs on the server, where a promise nobody awaits can fail unseen. */
const serverFiles = [
	'server/**/*.ts',
	'src/lib/server/**/*.ts',
	'src/routes/**/+*.server.ts',
	'src/routes/**/+server.ts',
	'src/hooks.server.ts'
];

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'data/',
			'drizzle/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench/results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks names itself (typescript-eslint's advice).
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
			],
			// {@html} only with a comment on the line before saying why the HTML is safe.
			'svelte/no-at-html-tags': 'error'
		}
	},
	// Components are parsed as TypeScript but not type-checked here: svelte-check (`npm run
	// check`) does that, and a type-aware lint of every component cost CI about 90 s of CPU.
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: serverFiles,
		ignores: ['**/*.test.ts'],
		languageOptions: { parserOptions: { projectService: true } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	}
);
