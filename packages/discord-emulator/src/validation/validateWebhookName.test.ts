import { describe, expect, it } from 'vitest';
import { validateWebhookName } from './validateWebhookName.js';

describe('validateWebhookName', () => {
	it('accepts ordinary character names', () => {
		expect(validateWebhookName('Peter Griffin')).toBeNull();
		expect(validateWebhookName('x'.repeat(80))).toBeNull();
		expect(validateWebhookName('😀'.repeat(80))).toBeNull();
		expect(validateWebhookName('Everyone Loves Stewie')).toBeNull();
	});

	it('refuses empty and over-long names', () => {
		expect(validateWebhookName('')?.code).toBe('BASE_TYPE_BAD_LENGTH');
		expect(validateWebhookName('   ')?.code).toBe('BASE_TYPE_BAD_LENGTH');
		expect(validateWebhookName('x'.repeat(81))?.message).toBe('Must be between 1 and 80 in length.');
		expect(validateWebhookName('😀'.repeat(81))?.message).toBe('Must be between 1 and 80 in length.');
	});

	it('refuses "discord" and "clyde" anywhere, in any case', () => {
		expect(validateWebhookName('My DisCord Bot')).toEqual({ code: 'USERNAME_INVALID_CONTAINS', message: 'Username cannot contain "discord"' });
		expect(validateWebhookName('CLYDEsdale')?.message).toBe('Username cannot contain "clyde"');
	});

	it('refuses exactly "everyone" and "here"', () => {
		expect(validateWebhookName('everyone')?.code).toBe('USERNAME_INVALID');
		expect(validateWebhookName('Here')?.message).toBe('Username cannot be "here"');
	});

	it('refuses non-strings', () => {
		expect(validateWebhookName(42)?.code).toBe('BASE_TYPE_STRING');
	});
});
