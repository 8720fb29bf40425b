import { greetingOf, type Persona } from '@charbot/characters';
import { assertValidJobId, buildJobData, DefaultJobOptions, deliverJobId, QueueName } from '@charbot/contracts';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../CommandContext.js';
import { displayNameOf } from '../members/displayNameOf.js';
import { memberNameOf } from '../members/memberNameOf.js';

/** How long after the add a greeting is posted. */
export const GreetingDelayMs = 1000;

/**
 * Queues a character's greeting (its persona's first greeting, macros substituted, `{{user}}` naming the member who
 * added it) for delivery into the channel where it was just added: a `deliver` job of a reply, so quality control posts
 * it through the channel webhook in the character's name and avatar like any reply, records it in the channel history
 * and as the character's message, and pings nobody (trigger `greeting`). The job id comes from the interaction, so one
 * add greets once however often the job is retried. Resolves to whether there was a greeting to post.
 */
export async function postGreeting(interaction: ChatInputCommandInteraction, context: CommandContext, persona: Persona): Promise<boolean> {
	const text = greetingOf(persona, await memberNameOf(interaction, context));
	if (text === undefined) return false;
	const { guildId, channelId, user } = interaction;
	const jobKey = assertValidJobId(`greet-${interaction.id}-${persona.id}`);
	const data = buildJobData(QueueName.Deliver, {
		kind: 'reply',
		jobKey,
		message: {
			id: interaction.id,
			channelId,
			guildId,
			author: { id: user.id, username: user.username, displayName: displayNameOf(interaction), isBot: false },
			content: '',
			createdAt: interaction.createdTimestamp,
		},
		characterId: persona.id,
		trigger: 'greeting',
		cascadeDepth: 0,
		failedAttempts: [],
		text,
		score: 1,
		model: 'persona-greeting',
	});
	const jobId = deliverJobId(jobKey);
	// A moment's delay: the confirmation comes first, and a just-imported character is loaded by every app's watcher
	// (quality control posts under the persona's name and avatar) before its greeting is delivered.
	await context.deliverQueue.add('deliver', data, { ...DefaultJobOptions, jobId, delay: GreetingDelayMs });
	context.logger.info({ jobId, characterId: persona.id, guildId, channelId }, `queued ${persona.id}'s greeting`);
	return true;
}
