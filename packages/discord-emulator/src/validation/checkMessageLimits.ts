import { DiscordApiFailure, type FieldError } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import { countCharacters } from './countCharacters.js';

/** Discord's size limits for a message. */
export const MessageLimits = {
	content: 2000,
	embeds: 10,
	embedTitle: 256,
	embedDescription: 4096,
	embedFields: 25,
	embedTotal: 6000,
} as const;

/** The parts of a message body the limits apply to. */
export interface MessageLimitsInput {
	readonly content?: string | undefined;
	readonly embeds?: readonly Record<string, unknown>[] | undefined;
	readonly attachmentCount?: number | undefined;
	readonly components?: readonly unknown[] | undefined;
	readonly stickerIds?: readonly string[] | undefined;
	readonly poll?: unknown;
}

/** Returns the Discord error for a message that is empty or too large, or null when it may be sent. */
export function checkMessageLimits(input: MessageLimitsInput, { requireSomething = true } = {}): DiscordApiFailure | null {
	const fields: Record<string, FieldError[]> = {};
	const content = input.content ?? '';
	if (countCharacters(content) > MessageLimits.content) fields.content = [maxLength(MessageLimits.content)];
	const embeds = input.embeds ?? [];
	if (embeds.length > MessageLimits.embeds) fields.embeds = [maxLength(MessageLimits.embeds)];
	let embedCharacters = 0;
	embeds.forEach((embed, index) => {
		const title = countCharacters(textOf(embed.title));
		const description = countCharacters(textOf(embed.description));
		if (title > MessageLimits.embedTitle) fields[`embeds.${index}.title`] = [maxLength(MessageLimits.embedTitle)];
		if (description > MessageLimits.embedDescription) fields[`embeds.${index}.description`] = [maxLength(MessageLimits.embedDescription)];
		const embedFields = Array.isArray(embed.fields) ? (embed.fields as Record<string, unknown>[]) : [];
		if (embedFields.length > MessageLimits.embedFields) fields[`embeds.${index}.fields`] = [maxLength(MessageLimits.embedFields)];
		embedCharacters += title + description;
		for (const field of embedFields) embedCharacters += countCharacters(textOf(field.name)) + countCharacters(textOf(field.value));
		const footer = embed.footer as Record<string, unknown> | undefined;
		const author = embed.author as Record<string, unknown> | undefined;
		embedCharacters += countCharacters(textOf(footer?.text)) + countCharacters(textOf(author?.name));
	});
	if (embedCharacters > MessageLimits.embedTotal) {
		fields.embeds = [{ code: 'MESSAGE_EMBEDS_TOO_LONG', message: `Embed size exceeds maximum size of ${MessageLimits.embedTotal}` }];
	}
	if (Object.keys(fields).length > 0) return DiscordApiFailure.invalidFormBody(fields);

	const empty =
		content.trim().length === 0 &&
		embeds.length === 0 &&
		(input.attachmentCount ?? 0) === 0 &&
		(input.components ?? []).length === 0 &&
		(input.stickerIds ?? []).length === 0 &&
		input.poll === undefined;
	if (requireSomething && empty) return new DiscordApiFailure(400, DiscordErrorCodes.CannotSendEmptyMessage);
	return null;
}

function maxLength(limit: number): FieldError {
	return { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${limit} or fewer in length.` };
}

function textOf(value: unknown): string {
	return typeof value === 'string' ? value : '';
}
