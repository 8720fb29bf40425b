import { validatePersona } from '../persona/parsePersonaText.js';
import type { Persona } from '../persona/personaSchema.js';
import { CardImportError } from './CardImportError.js';
import { cardToPersona } from './cardToPersona.js';
import { PngFormatError } from './PngFormatError.js';
import { type ParsedCard, parseCard } from './parseCard.js';
import { readCardFromPng } from './readCardFromPng.js';
import { pngSignature } from './readPngChunks.js';

/** Options of {@link importCard}. */
export interface ImportCardOptions {
	/** Names the file in errors, e.g. its path. */
	readonly source: string;
	/** The persona id; derived from the card's name when omitted. */
	readonly id?: string;
}

/** A persona made from a card, and what the card was. */
export interface ImportedCard {
	readonly persona: Persona;
	readonly version: ParsedCard['version'];
	readonly container: 'json' | 'png';
}

/** Imports a Character Card (V1, V2 or V3; JSON or PNG) as a validated persona. Throws {@link CardImportError}. */
export function importCard(bytes: Uint8Array, options: ImportCardOptions): ImportedCard {
	const container = pngSignature.every((byte, index) => bytes[index] === byte) ? 'png' : 'json';
	let json: unknown;
	try {
		json =
			container === 'png'
				? readCardFromPng(bytes)
				: JSON.parse(
						Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
							.toString('utf8')
							.replace(/^\uFEFF/, ''),
					);
	} catch (error) {
		if (error instanceof CardImportError) throw new CardImportError(options.source, error.reasons);
		if (error instanceof PngFormatError) throw new CardImportError(options.source, [error.message]);
		if (error instanceof SyntaxError) throw new CardImportError(options.source, [`neither a PNG nor valid JSON (${error.message})`]);
		throw error;
	}
	const parsed = parseCard(json);
	if (!parsed.ok) throw new CardImportError(options.source, [parsed.reason]);
	const input = cardToPersona(parsed.card, options.id === undefined ? {} : { id: options.id });
	if (input.description === undefined)
		throw new CardImportError(options.source, ['the card has no description, personality or scenario to describe the character']);
	const result = validatePersona(input, options.source);
	if (!result.ok)
		throw new CardImportError(
			options.source,
			result.problems.map((problem) => `${problem.field}: ${problem.reason}`),
		);
	return { persona: result.persona, version: parsed.card.version, container };
}
