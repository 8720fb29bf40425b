import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorValue } from './colorValue.js';
import { greetingOf } from './greetingOf.js';
import { parsePersonaText } from './parsePersonaText.js';
import { personaSchema } from './personaSchema.js';
import { presentPersonaText } from './presentPersonaText.js';
import { publishPersonaFile } from './publishPersonaFile.js';

const nemo = personaSchema.parse({
	id: 'nemo',
	displayName: 'Captain Nemo',
	description: '{{char}} rescues <USER> from the sea.',
	greetings: ['Welcome aboard, {{user}}. <BOT> rarely takes guests.', 'Second greeting.'],
	color: '#1E90FF',
});

describe('persona text shown to members', () => {
	it('substitutes {{char}} and {{user}} (any spelling), naming the reader or "you"', () => {
		expect(presentPersonaText(nemo, nemo.description, 'Dave')).toBe('Captain Nemo rescues Dave from the sea.');
		expect(presentPersonaText(nemo, nemo.description)).toBe('Captain Nemo rescues you from the sea.');
		expect(presentPersonaText(nemo, '{{ CHAR }} and {{User}}', '  ')).toBe('Captain Nemo and you');
	});

	it('greets with the first greeting, macros substituted; none without greetings', () => {
		expect(greetingOf(nemo, 'Erin')).toBe('Welcome aboard, Erin. Captain Nemo rarely takes guests.');
		expect(greetingOf({ ...nemo, greetings: [] })).toBeUndefined();
	});

	it('reads a hex colour for embeds and rejects anything else, naming the field', () => {
		expect(colorValue(nemo)).toBe(0x1e90ff);
		expect(colorValue({ color: undefined })).toBeUndefined();
		const parsed = parsePersonaText('id: x\ndisplayName: X\ndescription: d\ncolor: blue\n', 'x.yaml');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problems.map((problem) => problem.field)).toContain('color');
	});
});

describe('publishPersonaFile', () => {
	it('writes <id>.yaml that parses back, never replaces one, and leaves no temporary file', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'charbot-publish-'));
		try {
			const first = await publishPersonaFile(dir, nemo, 'Imported for a test.');
			expect(first).toEqual({ ok: true, file: join(dir, 'nemo.yaml') });
			const text = await readFile(join(dir, 'nemo.yaml'), 'utf8');
			expect(text.startsWith('# Imported for a test.')).toBe(true);
			const reread = parsePersonaText(text, 'nemo.yaml');
			expect(reread.ok && reread.persona).toEqual(nemo);
			const racing = await Promise.all([publishPersonaFile(dir, { ...nemo, displayName: 'Other' }), publishPersonaFile(dir, nemo)]);
			expect(racing.map((result) => result.ok)).toEqual([false, false]);
			expect(await readFile(join(dir, 'nemo.yaml'), 'utf8')).toBe(text);
			expect(await readdir(dir)).toEqual(['nemo.yaml']);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
