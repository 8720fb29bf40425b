import { type Message, MessageType } from 'discord.js';
import { readMessageImages } from './readMessageImages.js';
import type { ReceivedMessage } from './ReceivedMessage.js';

/** Reads what the gateway needs from a discord.js message. */
export function readReceivedMessage(message: Message): ReceivedMessage {
	const botUser = message.client.user;
	const botRoleId = message.guild?.members.me?.roles.botRole?.id;
	// A reply pings the replied-to author by default; only an explicit mention of the bot (or its role) calls it.
	// The bot's managed role is rarely mentionable, so Discord may leave it out of `mention_roles`: read the text too.
	const botMentioned =
		message.mentions.has(botUser, { ignoreRepliedUser: true, ignoreEveryone: true, ignoreRoles: true }) ||
		(botRoleId !== undefined && (message.mentions.roles.has(botRoleId) || message.content.includes(`<@&${botRoleId}>`)));
	const displayName = message.member?.displayName ?? message.author.displayName;
	return {
		id: message.id,
		channelId: message.channelId,
		guildId: message.guildId,
		authorId: message.author.id,
		username: message.author.username,
		displayName: displayName.trim() === '' ? message.author.username : displayName,
		authorIsBot: message.author.bot,
		webhookId: message.webhookId,
		content: message.content,
		createdAt: message.createdTimestamp,
		replyToMessageId: message.reference?.messageId,
		images: readMessageImages(message),
		botMentioned,
		isChat: !message.system && (message.type === MessageType.Default || message.type === MessageType.Reply),
	};
}
