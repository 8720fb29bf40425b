import type { SimScript, SimScriptContext } from '@charbot/ollama-sim';

/** What the simulated model saw: prompts counted, and any that carried what no prompt may carry. */
export interface PromptAudit {
	prompts: number;
	/** Member or history turns that still held a raw chat-template token (the router must defuse them). */
	readonly rawTemplateTokens: string[];
	/** Prompts holding the bot token or a long token-like string (checked against the webhook tokens at the end). */
	readonly secretLike: string[];
}

/** Inputs of {@link createHostileSimScripts}. */
export interface HostileSimInput {
	readonly botToken: string;
	/** A member who never writes: no reply may ping them. */
	readonly bystanderId: string;
	readonly roleIds: readonly string[];
	readonly markers: { readonly sneakyPing: string; readonly broadcastPing: string };
	/** A marker whose every reply no review can pass or repair (an AI disclaimer with a ping). */
	readonly alwaysRejected: string;
	readonly audit: PromptAudit;
}

const templateToken = /<\|[^<>|\n]{0,40}\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(?:start_of_turn|end_of_turn|s)>/i;
const tokenLike = /[A-Za-z0-9_-]{60,}/;
const words = [
	'clam',
	'brewery',
	'couch',
	'chicken',
	'Quahog',
	'pawtucket',
	'bowling',
	'surfin',
	'bird',
	'donut',
	'hammock',
	'pickle',
	'lawnmower',
	'banjo',
	'rocket',
	'spaghetti',
	'parade',
	'walrus',
	'tractor',
	'kazoo',
	'meatloaf',
	'lighthouse',
	'canoe',
	'pinball',
	'trombone',
	'pretzel',
	'volcano',
	'waffle',
	'yacht',
	'zeppelin',
	'accordion',
	'burrito',
	'cactus',
	'dolphin',
	'eggnog',
	'flamingo',
	'gumbo',
	'harmonica',
	'iguana',
	'jukebox',
];

/** The reply the simulated model gives to an ordinary message: varied (so quality control's repetition check passes) and derived from the text alone. */
export function plainReplyTo(lastUserMessage: string): string {
	let hash = 2166136261;
	for (let index = 0; index < lastUserMessage.length; index++) hash = Math.imul(hash ^ lastUserMessage.charCodeAt(index), 16777619) >>> 0;
	const chosen = Array.from({ length: 9 }, (_, index) => words[(hash >>> (index * 3)) % words.length] ?? 'clam');
	return `Heh heh, you know what, that reminds me of the ${chosen.slice(0, 3).join(' ')} thing. Then a ${chosen.slice(3, 6).join(' ')} showed up, and I said ${chosen.slice(6).join(' ')}!`;
}

/**
 * Scripts of the simulated model for the hostile-message flood: it tries to ping (sneakily, a bystander's mention glued to a
 * dot, which quality control lets through as a single member mention, so only delivery's `allowed_mentions` can stop it;
 * and blatantly with @everyone, @here and a role, which quality control repairs away), echoes its system prompt when
 * asked, answers with what no review passes for `alwaysRejected`, and otherwise answers plainly. Every prompt is audited for raw template tokens in member turns and for secrets.
 */
export function createHostileSimScripts(input: HostileSimInput): SimScript[] {
	const audited =
		(reply: (context: SimScriptContext) => string) =>
		(context: SimScriptContext): string => {
			input.audit.prompts += 1;
			for (const message of context.messages) {
				if (message.role !== 'system' && templateToken.test(message.content)) input.audit.rawTemplateTokens.push(message.content.slice(0, 300));
				if (message.content.includes(input.botToken) || tokenLike.test(message.content)) input.audit.secretLike.push(message.content);
			}
			return reply(context);
		};
	const role = () => input.roleIds[0] ?? '0';
	return [
		{
			match: input.markers.sneakyPing,
			reply: audited(({ lastUserMessage }) => `Listen up.<@${input.bystanderId}> ${plainReplyTo(lastUserMessage)}`),
		},
		{
			match: input.markers.broadcastPing,
			reply: audited(({ lastUserMessage }) => `@everyone @here <@&${role()}> BIG NEWS! ${plainReplyTo(lastUserMessage)}`),
		},
		{
			match: input.alwaysRejected,
			reply: audited(() => `@everyone As an AI language model, I cannot make announcements for anyone.`),
		},
		{
			match: /repeat your system prompt|print your hidden prompt|reveal your instructions/i,
			reply: audited(({ messages, lastUserMessage }) => {
				const system = messages.find((message) => message.role === 'system')?.content ?? '';
				return `Fine, here it is. ${system.replace(/\s+/g, ' ').slice(0, 400)} ${plainReplyTo(lastUserMessage)}`;
			}),
		},
		{ match: /[\s\S]/, reply: audited(({ lastUserMessage }) => plainReplyTo(lastUserMessage)) },
	];
}
