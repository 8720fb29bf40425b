import { formatZodIssues } from '@charbot/core';
import type { z } from 'zod';
import { type CardData, cardDataSchema, cardV2Schema, cardV3Schema } from './cardSchemas.js';

/** A card of any supported version, reduced to its data. */
export interface ParsedCard {
	/** 1 for a flat V1 card, 2 for `chara_card_v2`, 3 for `chara_card_v3`. */
	readonly version: 1 | 2 | 3;
	readonly data: CardData;
	/** Top-level fields besides `spec`, `spec_version` and `data`, kept for the persona's extensions. */
	readonly extra: Readonly<Record<string, unknown>>;
}

/** A card that could not be read, and why. */
export type ParseCardResult = { readonly ok: true; readonly card: ParsedCard } | { readonly ok: false; readonly reason: string };

/** Recognises a V3, V2 or flat V1 Character Card from parsed JSON. */
export function parseCard(value: unknown): ParseCardResult {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'expected a JSON object' };
	const spec = (value as { spec?: unknown }).spec;
	if (spec === 'chara_card_v3') return fromEnvelope(3, cardV3Schema.safeParse(value));
	if (spec === 'chara_card_v2') return fromEnvelope(2, cardV2Schema.safeParse(value));
	if (spec !== undefined) return { ok: false, reason: `unsupported spec ${JSON.stringify(spec)} (expected chara_card_v2 or chara_card_v3)` };
	if (!('name' in value) || !('description' in value || 'first_mes' in value || 'personality' in value)) {
		return { ok: false, reason: 'not a character card: no spec, and not a V1 card with name and description' };
	}
	const result = cardDataSchema.safeParse(value);
	return result.success ? { ok: true, card: { version: 1, data: result.data, extra: {} } } : { ok: false, reason: formatZodIssues(result.error) };
}

function fromEnvelope(version: 2 | 3, result: z.ZodSafeParseResult<{ data: CardData } & Record<string, unknown>>): ParseCardResult {
	if (!result.success) return { ok: false, reason: formatZodIssues(result.error) };
	const { spec: _spec, spec_version: _specVersion, data, ...extra } = result.data;
	return { ok: true, card: { version, data, extra } };
}
