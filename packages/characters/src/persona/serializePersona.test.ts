import { resolveFromRoot } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { importCard } from '../cards/importCard.js';
import { loadCharacters } from '../loading/loadCharacters.js';
import { parsePersonaText } from './parsePersonaText.js';
import { type Persona, personaSchema } from './personaSchema.js';
import { serializePersona } from './serializePersona.js';

function roundTrip(persona: Persona): Persona {
	const result = parsePersonaText(serializePersona(persona), 'round-trip.yaml');
	if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
	return result.persona;
}

describe('serializePersona', () => {
	it('round-trips every shipped character', async () => {
		const { characters, problems } = await loadCharacters(resolveFromRoot('characters'));
		expect(problems).toEqual([]);
		for (const { persona } of characters) expect(roundTrip(persona)).toEqual(persona);
	});

	it('round-trips an imported card with a lorebook, multi-line text and extensions', () => {
		const card = {
			spec: 'chara_card_v3',
			spec_version: '3.0',
			data: {
				name: 'Ada',
				description: 'Line one.\nLine two: with a colon.\n  indented',
				mes_example: '<START>\n{{user}}: a\n{{char}}: b\n{{user}}: c\n{{char}}: d',
				extensions: { nested: { list: [1, 'two', null] } },
				character_book: { entries: [{ keys: ['k'], content: 'lore', enabled: true, insertion_order: 3, extensions: { x: 1 } }] },
			},
		};
		const { persona } = importCard(Buffer.from(JSON.stringify(card)), { source: 'ada.json' });
		expect(roundTrip(persona)).toEqual(persona);
	});

	it('leaves out empty and default fields and writes a header comment', () => {
		const persona = personaSchema.parse({ id: 'x', displayName: 'X', description: 'Y', exampleDialogues: [{ user: 'a', character: 'b' }] });
		expect(serializePersona(persona, { comment: 'Imported from x.png\nFormat: characters/README.md' })).toBe(
			`# Imported from x.png
# Format: characters/README.md

id: x
displayName: X
description: Y
exampleDialogues:
  - user: a
    character: b
talkativeness: 0.2
modelRole: chat
`,
		);
	});
});
