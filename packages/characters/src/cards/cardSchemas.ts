import { z } from 'zod';

const text = z
	.string()
	.nullish()
	.transform((value) => value ?? '');
const texts = z
	.array(z.string())
	.nullish()
	.transform((value) => value ?? []);
const extensions = z
	.record(z.string(), z.unknown())
	.nullish()
	.transform((value) => value ?? {});

/** A lorebook entry as Character Card V2/V3 write it; unknown fields are kept. */
export const cardBookEntrySchema = z.looseObject({
	keys: texts,
	secondary_keys: texts,
	content: text,
	enabled: z.boolean().nullish(),
	insertion_order: z.number().nullish(),
	case_sensitive: z.boolean().nullish(),
	constant: z.boolean().nullish(),
	selective: z.boolean().nullish(),
	name: z.string().nullish(),
	comment: z.string().nullish(),
	extensions,
});

/** A character book (lorebook) as Character Card V2/V3 write it. */
export const cardBookSchema = z.looseObject({
	name: z.string().nullish(),
	description: z.string().nullish(),
	scan_depth: z.number().nullish(),
	token_budget: z.number().nullish(),
	entries: z
		.array(cardBookEntrySchema)
		.nullish()
		.transform((value) => value ?? []),
	extensions,
});

/** The `data` object of a V2 card; V3 adds a few fields. Unknown fields are kept. */
export const cardDataSchema = z.looseObject({
	name: z.string().trim().min(1, 'the card has no name'),
	description: text,
	personality: text,
	scenario: text,
	first_mes: text,
	mes_example: text,
	creator_notes: text,
	system_prompt: text,
	post_history_instructions: text,
	alternate_greetings: texts,
	character_book: cardBookSchema.nullish(),
	tags: texts,
	extensions,
	nickname: z.string().nullish(),
	assets: z.array(z.looseObject({ type: z.string(), uri: z.string(), name: z.string().nullish() })).nullish(),
});

/** Character Card V2: `{ spec: 'chara_card_v2', spec_version: '2.0', data }`. */
export const cardV2Schema = z.looseObject({ spec: z.literal('chara_card_v2'), spec_version: z.string().nullish(), data: cardDataSchema });
/** Character Card V3: `{ spec: 'chara_card_v3', spec_version: '3.0', data }`. */
export const cardV3Schema = z.looseObject({ spec: z.literal('chara_card_v3'), spec_version: z.string().nullish(), data: cardDataSchema });

/** A card's data, whatever version it came in. */
export type CardData = z.output<typeof cardDataSchema>;
/** A card's character book, parsed. */
export type CardBook = z.output<typeof cardBookSchema>;
/** One entry of a card's character book, parsed. */
export type CardBookEntry = z.output<typeof cardBookEntrySchema>;
