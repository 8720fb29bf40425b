import { CardImportError, importCard, publishPersonaFile } from '@charbot/characters';
import { characterIdSchema } from '@charbot/contracts';
import { downloadLimited, truncateText } from '@charbot/core';
import { type ChatInputCommandInteraction, escapeMarkdown } from 'discord.js';
import type { CommandContext } from '../CommandContext.js';
import { type CommandResult, refuse, reply } from '../CommandResult.js';

/**
 * `/characters import card:<file> [id]`: makes a persona from a Character Card (V1, V2 or V3; JSON or PNG) the way
 * `npm run characters -- import` does, and writes it into the persona folder, which every app on this machine
 * watches. It never replaces a character: an id already loaded or on disk is refused. The cast is shared by every
 * server the bot is in, which is why only members with Manage Server may import (checked by the runner).
 */
export async function importCharacter(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<CommandResult> {
	const attachment = interaction.options.getAttachment('card', true);
	const id = interaction.options.getString('id') ?? undefined;
	if (id !== undefined && !characterIdSchema.safeParse(id).success) {
		return refuse(`Nothing was imported: the id must be a lowercase slug (a-z, 0-9 and -), got "${escapeMarkdown(truncateText(id.trim(), 80))}".`);
	}
	// Only from Discord's attachment hosts (never an address a forged option could point at), within the size and time limits.
	const fetched = await downloadLimited(attachment.url, { ...context.cardImport, reportedSize: attachment.size });
	if (!fetched.ok) return refuse(`Nothing was imported: ${fetched.reason}.`);
	let imported: ReturnType<typeof importCard>;
	try {
		imported = importCard(fetched.bytes, { source: attachment.name, ...(id === undefined ? {} : { id }) });
	} catch (error) {
		if (!(error instanceof CardImportError)) throw error;
		const reasons = error.reasons.map((reason) => `• ${escapeMarkdown(truncateText(reason.trim(), 300))}`).slice(0, 10);
		return refuse(
			`Nothing was imported: **${escapeMarkdown(truncateText(attachment.name.trim(), 100))}** is not a usable character card.\n${reasons.join('\n')}`,
		);
	}
	const { persona } = imported;
	const name = `**${escapeMarkdown(persona.displayName)}**`;
	const taken = context.characters.get(persona.id);
	if (taken !== undefined) {
		return refuse(
			`Nothing was imported: the id \`${persona.id}\` is already ${escapeMarkdown(taken.displayName)}'s. Import again with \`id:\` to choose another.`,
		);
	}
	const kind = `Character Card V${imported.version} (${imported.container.toUpperCase()})`;
	const comment = `Imported with /characters import from ${attachment.name}, a ${kind}, by Discord user ${interaction.user.id} in ${interaction.guildId === null ? 'a DM' : `server ${interaction.guildId}`}.\nFormat: characters/README.md`;
	const published = await publishPersonaFile(context.cardImport.dir, persona, comment);
	if (!published.ok) {
		return refuse(`Nothing was imported: a persona file for \`${persona.id}\` already exists. Import again with \`id:\` to choose another.`);
	}
	context.logger.info(
		{ characterId: persona.id, file: published.file, guildId: interaction.guildId, userId: interaction.user.id, card: kind },
		`imported character ${persona.id} from a ${kind}`,
	);
	await context.characters.reload?.();
	const loaded = context.characters.get(persona.id) !== undefined;
	const lines = [
		`Imported ${name} (\`${persona.id}\`) from a ${kind}. ${loaded ? 'It is loaded now' : 'It is loaded within a moment'}, in every server this bot is in; \`/channel characters add\` lets it answer in a channel.`,
	];
	if (persona.greetings.length > 0) lines.push('It greets a channel when it is added there.');
	if (persona.avatarUrl === undefined)
		lines.push('It has no avatar yet: the card image is not uploaded anywhere. An operator can set `avatarUrl` in its persona file.');
	return reply(lines.join('\n'));
}
