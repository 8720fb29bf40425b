import { enqueueRouteJob, messageJobId } from '@charbot/contracts';
import { DiscordLimits, truncateText } from '@charbot/core';
import { escapeMarkdown, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { DmsOffText } from '../../budget/answerDmsOff.js';
import { describeWait } from '../../budget/describeWait.js';
import { budgetRefusalText } from '../../budget/showOverBudget.js';
import { takeMemberCooldowns } from '../../intake/takeMemberCooldowns.js';
import { rememberAskedFact } from '../../memory/rememberAskedFact.js';
import { characterChoices } from '../characters/characterChoices.js';
import { findCharacter } from '../characters/findCharacter.js';
import { refuse } from '../CommandResult.js';
import { displayNameOf } from '../members/displayNameOf.js';
import type { SlashCommand } from '../SlashCommand.js';

/**
 * `/ask <character> <message>`: the same pipeline as a message (route → router → quality control), answered
 * through the deferred interaction, which quality control fills in with an embed authored by the character (its name,
 * avatar and colour; a response is always the bot's own).
 */
export const askCommand: SlashCommand = {
	data: new SlashCommandBuilder()
		.setName('ask')
		.setDescription('Ask a character something')
		.setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
		.addStringOption((option) => option.setName('character').setDescription('Who to ask').setRequired(true).setAutocomplete(true))
		.addStringOption((option) => option.setName('message').setDescription('What to say').setRequired(true).setMaxLength(DiscordLimits.messageContent))
		.toJSON(),
	ephemeral: false,
	requiresManageGuild: () => false,
	async execute(interaction, context) {
		const query = interaction.options.getString('character', true);
		const content = truncateText(interaction.options.getString('message', true), DiscordLimits.messageContent, '');
		const persona = findCharacter(context.characters.list(), query);
		if (persona === undefined) return refuse(`There is no character called "${escapeMarkdown(query)}". \`/characters list\` shows everyone.`);
		const { guildId, channelId, user } = interaction;
		if (guildId === null && !context.dmsEnabled) return refuse(DmsOffText);
		const settings = await context.settings.effective(guildId, channelId);
		if (settings.mode === 'off') return refuse('The characters are switched off in this channel.');
		if (settings.characters.length > 0 && !settings.characters.includes(persona.id)) {
			return refuse(`${escapeMarkdown(persona.displayName)} does not answer in this channel. \`/characters list\` shows who does.`);
		}
		if ((await takeMemberCooldowns(context.cooldowns, { guildId, channelId, authorId: user.id }, settings)) !== undefined) {
			return refuse('Easy there: the characters need a few seconds between questions. Try again in a moment.');
		}
		const budget = await context.budget.reserve({ guildId, memberId: user.id }, 1);
		if (!budget.allowed) {
			const wait = describeWait(budget.retryAt - Date.now());
			return refuse(budgetRefusalText(budget, wait));
		}
		const author = { id: user.id, username: user.username, displayName: displayNameOf(interaction), isBot: false };
		await rememberAskedFact(context.memory, settings, guildId, user.id, content);
		await context.history.append(guildId, channelId, {
			messageId: interaction.id,
			authorId: user.id,
			authorName: author.displayName,
			content,
			at: interaction.createdTimestamp,
		});
		const jobId = messageJobId(interaction.id, persona.id);
		await enqueueRouteJob(context.routeQueue, jobId, {
			jobKey: jobId,
			message: { id: interaction.id, channelId, guildId, author, content, createdAt: interaction.createdTimestamp },
			characterId: persona.id,
			trigger: 'command',
			cascadeDepth: 0,
			interaction: { id: interaction.id, applicationId: interaction.applicationId, interactionToken: interaction.token },
			failedAttempts: [],
		});
		context.logger.info({ jobId, interactionId: interaction.id, characterId: persona.id, guildId, channelId }, `enqueued /ask as ${jobId}`);
		return { kind: 'pending' };
	},
	autocomplete: (interaction, context) => characterChoices(context.characters.list(), String(interaction.options.getFocused())),
};
