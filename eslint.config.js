import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The recommended rules of JavaScript, TypeScript and Svelte; layout is
 * Prettier's (eslint-config-prettier turns off what would clash). The layer rules
 * (what may import what, no SQL outside repositories) are unit tests in
 * tests/unit, not lint rules: they need the project's own vocabulary.
 */
export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'node_modules/', 'test-results/', 'playwright-report/', 'data/', '.e2e/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript itself reports undefined names, with the types in view; this rule does not know them (typescript-eslint's advice).
			'no-undef': 'off',
			// A leading underscore marks a name kept on purpose (a destructured field left out, a callback's unused argument).
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
		rules: {
			// Links are built by href helpers that already carry the base path; resolve() around each would say it twice.
			'svelte/no-navigation-without-resolve': 'off',
			// {'text'} is how a literal with a leading or trailing space is kept in markup; the rule would remove those spaces.
			'svelte/no-useless-mustaches': 'off'
		}
	},
	{
		// Migrations are frozen history written against Kysely<any> on purpose: a migration must not change when the schema types do.
		files: ['db/migrations/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	}
);
