import { describe, expect, it } from 'vitest';
import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { normalizeComponents } from './normalizeComponents.js';

function failureOf(components: unknown[]): Record<string, unknown> | undefined {
	try {
		normalizeComponents(components);
	} catch (error) {
		if (error instanceof DiscordApiFailure) return error.body.errors;
		throw error;
	}
	return undefined;
}

describe('normalizeComponents', () => {
	it('numbers components in reading order, keeping ids the bot chose', () => {
		const rows = normalizeComponents([
			{
				type: 1,
				components: [
					{ type: 2, style: 1, custom_id: 'a', label: 'A', id: 2 },
					{ type: 2, style: 2, custom_id: 'b', label: 'B' },
				],
			},
			{ type: 1, components: [{ type: 5, custom_id: 'who' }] },
		]);
		expect(rows.map((row) => [row.id, (row.components as { id: number }[]).map((child) => child.id)])).toEqual([
			[1, [2, 3]],
			[4, [5]],
		]);
		expect((rows[1]?.components as unknown[])[0]).toEqual({ type: 5, id: 5, custom_id: 'who', min_values: 1, max_values: 1 });
	});

	it('drops unknown fields and nulls, and is idempotent on its own output', () => {
		const once = normalizeComponents([
			{ type: 1, components: [{ type: 2, style: 5, url: 'https://example.org', label: 'Go', custom_id: null, emoji: { name: '🔗', id: null }, extra: 1 }] },
		]);
		expect(once).toEqual([{ type: 1, id: 1, components: [{ type: 2, id: 2, style: 5, label: 'Go', url: 'https://example.org', emoji: { name: '🔗' } }] }]);
		expect(normalizeComponents(once)).toEqual(once);
	});

	it('names every problem of a select menu', () => {
		const options = [
			{ label: 'a', value: 'x' },
			{ label: 'b', value: 'x' },
		];
		expect(failureOf([{ type: 1, components: [{ type: 3, options, max_values: 3, placeholder: 'p'.repeat(151) }] }])).toEqual({
			components: {
				0: {
					components: {
						0: {
							custom_id: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] },
							placeholder: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 150 or fewer in length.' }] },
							options: {
								_errors: [{ code: 'BASE_TYPE_MIN_LENGTH', message: 'Must be 3 or more in length.' }],
								1: { value: { _errors: [{ code: 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', message: 'Select option values must be unique' }] } },
							},
						},
					},
				},
			},
		});
	});

	it('rejects components outside action rows, text inputs and bad link URLs', () => {
		expect(failureOf([{ type: 2, style: 1, custom_id: 'loose' }])).toMatchObject({
			components: { 0: { type: { _errors: [{ code: 'UNION_TYPE_CHOICES' }] } } },
		});
		expect(failureOf([{ type: 1, components: [{ type: 4, custom_id: 'text' }] }])).toMatchObject({
			components: { 0: { components: { 0: { type: { _errors: [{ code: 'UNION_TYPE_CHOICES' }] } } } } },
		});
		expect(failureOf([{ type: 1, components: [{ type: 2, style: 5, label: 'x', url: 'ftp://example.org' }] }])).toMatchObject({
			components: { 0: { components: { 0: { url: { _errors: [{ code: 'URL_TYPE_INVALID_SCHEME' }] } } } } },
		});
	});
});
