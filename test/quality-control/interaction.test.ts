import { buildJobData, deliverJobId, QueueName } from '@charbot/core';
import { Client, Events, GatewayIntentBits, type Interaction, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverJob, type MessagePlace, type RunningQc, settledJob, type SharedParts, startQc, startSharedParts } from './qcHarness.js';

let parts: SharedParts;
let place: MessagePlace;
let running: RunningQc;
let client: Client<true>;

beforeAll(async () => {
	parts = await startSharedParts();
	const seed = parts.emulator.seed;
	if (seed === null) throw new Error('the emulator has no seeded world');
	place = { guildId: seed.guildId, channelId: seed.channels.general ?? '', authorId: seed.users.alice ?? '' };
	running = await startQc(parts);
	// A real discord.js client plays the gateway's part: it receives /ask and defers the reply.
	client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: parts.emulator.apiUrl } });
	const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
	await client.login(parts.emulator.token);
	await ready;
	const ask = new SlashCommandBuilder()
		.setName('ask')
		.setDescription('Ask a character')
		.addStringOption((option) => option.setName('question').setDescription('What').setRequired(true));
	await client.application.commands.set([ask.toJSON()]);
});
afterAll(async () => {
	await client?.destroy();
	await running?.close();
	await parts?.close();
});

describe('delivery to a slash command', () => {
	it('fills in the deferred /ask response, then follows up with the rest, as the character', async () => {
		const received = new Promise<{ id: string; token: string }>((resolve) => {
			const listener = (interaction: Interaction) => {
				if (!interaction.isChatInputCommand()) return;
				client.off(Events.InteractionCreate, listener);
				void interaction.deferReply().then(() => resolve({ id: interaction.id, token: interaction.token }));
			};
			client.on(Events.InteractionCreate, listener);
		});
		const invoked = parts.emulator.control.invokeCommand({ channelId: place.channelId, userId: place.authorId, name: 'ask', options: { question: 'Peter?' } });
		const { id, token } = await received;
		expect(id).toBe(invoked.id);

		const text = Array.from({ length: 40 }, (_, index) => `Heh heh, part of the answer number ${index} is about the canoe in the living room.`).join(' ');
		const job = { ...deliverJob(place, text), interaction: { id, applicationId: parts.emulator.applicationId, interactionToken: token } };
		await running.deliverQueue.add('deliver', buildJobData(QueueName.Deliver, job), { jobId: deliverJobId(job.jobKey) });
		const settled = await settledJob(running.deliverQueue, deliverJobId(job.jobKey));
		expect(await settled.getState()).toBe('completed');

		const view = parts.emulator.control.interactionResponses(id);
		expect(view.state).toBe('replied');
		expect(view.original?.content.startsWith('**Peter Griffin**: Heh heh, part of the answer number 0')).toBe(true);
		expect(view.followUps.length).toBeGreaterThanOrEqual(1);
		const all = [view.original, ...view.followUps].map((message) => message?.content ?? '');
		for (const content of all) expect(content.length).toBeLessThanOrEqual(2000);
		expect(all.join(' ').replace('**Peter Griffin**: ', '')).toBe(text);
		expect(settled.returnvalue.messageIds).toEqual([view.original?.id, ...view.followUps.map((message) => message.id)]);
	});
});
