import { type RegenerableReply, RegenerableReplies, RegenerateButtonId } from '@charbot/stores';
import type { InteractionView } from '@charbot/discord-emulator';
import { ButtonStyle, ComponentType, type TextChannel, WebhookClient } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

describe('the regenerate button on character replies', () => {
	let fx: GatewayFixture;
	let channelId: string;
	let webhook: WebhookClient;
	let replies: RegenerableReplies;
	let users: { alice: string; bob: string; carol: string; erin: string };

	beforeAll(async () => {
		fx = await startGatewayFixture();
		const seed = fx.emulator.seed;
		channelId = seed?.channels['bot-lab'] ?? '';
		users = { alice: seed?.users.alice ?? '', bob: seed?.users.bob ?? '', carol: seed?.users.carol ?? '', erin: seed?.users.erin ?? '' };
		// The channel webhook the delivery worker creates: the bot's own, so its messages keep their buttons.
		const channel = (await fx.app.client.channels.fetch(channelId)) as TextChannel;
		const created = await channel.createWebhook({ name: 'charbot' });
		webhook = new WebhookClient({ id: created.id, token: created.token ?? '' }, { rest: { api: fx.emulator.apiUrl } });
		replies = new RegenerableReplies(fx.redis, fx.keyspace);
	});

	afterAll(async () => {
		webhook?.destroy();
		await fx?.close();
	});

	/** A member's question and Peter's reply to it with the button, recorded as delivery records it. */
	async function postedReply(askerId = users.alice, text = 'Heh heh, the boat is made of cheese.'): Promise<RegenerableReply> {
		const question = fx.post(channelId, askerId, 'Peter, what is the boat made of?');
		const posted = await webhook.send({
			content: text,
			username: 'Peter Griffin',
			allowedMentions: { parse: [] },
			withComponents: true,
			components: [
				{
					type: ComponentType.ActionRow,
					components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, customId: RegenerateButtonId, emoji: { name: '🔄' }, label: 'Regenerate' }],
				},
			],
		});
		const reply: RegenerableReply = {
			jobKey: `msg-${question.id}-peter`,
			message: {
				id: question.id,
				channelId,
				guildId: fx.guildId,
				author: { id: askerId, username: question.author.username, displayName: question.author.displayName, isBot: false },
				content: question.content,
				createdAt: Date.parse(question.timestamp),
			},
			characterId: 'peter',
			trigger: 'name',
			cascadeDepth: 0,
			turnOf: question.id,
			text,
			model: 'llama3.2:1b',
			messageIds: [posted.id],
		};
		await replies.remember(fx.guildId, reply);
		return reply;
	}

	/** Clicks the button as `userId` and waits until the gateway is done with the click (acknowledged, and told if refused). */
	async function click(reply: RegenerableReply, userId: string, expectTold: boolean): Promise<InteractionView> {
		const messageId = reply.messageIds.at(-1) as string;
		const clicked = fx.emulator.control.clickComponent({ channelId, messageId, userId, customId: RegenerateButtonId });
		return fx.emulator.control.waitForInteraction(clicked.id, (view) => view.state === 'deferredUpdate' && (!expectTold || view.followUps.length > 0));
	}

	const regenerationJobs = async (reply: RegenerableReply) => (await fx.routeJobsFor(reply.message.id)).filter(({ data }) => data.trigger === 'regenerate');

	it("acknowledges the asker's click at once and queues a regeneration that avoids the old reply and edits it", async () => {
		const reply = await postedReply();
		const view = await click(reply, users.alice, false);
		expect(view.callbackType).toBe(6);
		await expect.poll(async () => (await regenerationJobs(reply)).length).toBe(1);
		const [job] = await regenerationJobs(reply);
		expect(job?.id).toBe(`msg-${reply.message.id}-peter-regen-${view.id}`);
		expect(job?.data).toEqual({
			jobKey: job?.id,
			message: reply.message,
			characterId: 'peter',
			trigger: 'regenerate',
			cascadeDepth: 0,
			turnOf: reply.message.id,
			failedAttempts: [{ text: reply.text, model: 'llama3.2:1b', host: 'posted', role: 'chat', reasons: ['the member asked for a different answer'] }],
			followers: [],
			replaces: { messageIds: reply.messageIds },
		});
		// Nothing is said to anyone, and the reply stays as it is until the new text replaces it.
		expect(fx.emulator.control.interactionResponses(view.id).followUps).toEqual([]);
		expect(fx.emulator.control.transcript(channelId).find((message) => message.id === reply.messageIds[0])?.content).toBe(reply.text);
	});

	it('refuses a second click while the first regeneration is on its way', async () => {
		const reply = await postedReply();
		await click(reply, users.alice, false);
		const second = await click(reply, users.alice, true);
		expect(second.followUps.map((message) => [message.content, message.ephemeral])).toEqual([
			['This reply is already being regenerated; it changes in place in a moment.', true],
		]);
		expect(await regenerationJobs(reply)).toHaveLength(1);
	});

	it('tells anyone else, privately, who may regenerate the reply', async () => {
		const reply = await postedReply();
		const view = await click(reply, users.bob, true);
		expect(view.followUps.map((message) => [message.content, message.ephemeral])).toEqual([
			['Only Alice can regenerate this reply (or a member with the **Manage Messages** permission).', true],
		]);
		expect(await regenerationJobs(reply)).toEqual([]);
	});

	it("lets a member with Manage Messages regenerate anyone's reply, judged from their permissions at each click", async () => {
		const moderated = await postedReply();
		await click(moderated, users.erin, false);
		await expect.poll(async () => (await regenerationJobs(moderated)).length).toBe(1);

		// Carol is made a moderator, then is one no more: the click reads what Discord says now, never a cache.
		const moderators = fx.emulator.seed?.roles.moderators ?? '';
		fx.emulator.control.addMember(fx.guildId, users.carol, { roles: [moderators] });
		const first = await postedReply();
		await click(first, users.carol, false);
		await expect.poll(async () => (await regenerationJobs(first)).length).toBe(1);
		fx.emulator.control.addMember(fx.guildId, users.carol, { roles: [] });
		const second = await postedReply();
		const refused = await click(second, users.carol, true);
		expect(refused.followUps[0]?.content).toMatch(/^Only Alice can regenerate/);
		expect(await regenerationJobs(second)).toEqual([]);
	});

	it('says when a reply can no longer be regenerated, and when the channel turned regenerating off', async () => {
		const expired = await postedReply();
		await replies.forget(fx.guildId, expired.messageIds[0] ?? '');
		const gone = await click(expired, users.alice, true);
		expect(gone.followUps[0]?.content).toMatch(/^This reply can no longer be regenerated/);

		const reply = await postedReply();
		await fx.settings.update(fx.guildId, { regenerate: false }, channelId);
		try {
			const off = await click(reply, users.alice, true);
			expect(off.followUps[0]?.content).toBe('Regenerating replies is turned off in this channel.');
		} finally {
			await fx.settings.reset(fx.guildId, channelId);
		}
		expect(await regenerationJobs(expired)).toEqual([]);
		expect(await regenerationJobs(reply)).toEqual([]);
	});

	it('allows a member 5 regenerations per 10 minutes, then says when they can again', async () => {
		const dana = fx.emulator.seed?.users.dana ?? '';
		// Dana is the owner, so every reply is hers to regenerate; the quota is hers alone.
		for (let count = 0; count < 5; count += 1) {
			const reply = await postedReply(users.alice, `Take number ${count}.`);
			await click(reply, dana, false);
			await expect.poll(async () => (await regenerationJobs(reply)).length).toBe(1);
		}
		const sixth = await postedReply();
		const started = Date.now();
		const limited = await click(sixth, dana, true);
		const text = limited.followUps[0]?.content ?? '';
		expect(text).toMatch(/^You can regenerate 5 replies every 10 minutes; you can again <t:\d+:R>\.$/);
		const again = Number(/<t:(\d+):R>/.exec(text)?.[1]) * 1000;
		expect(again).toBeGreaterThan(started + 590_000);
		expect(again).toBeLessThanOrEqual(started + 601_000);
		expect(await regenerationJobs(sixth)).toEqual([]);
		// The refusal let go of the reply: its asker, with a quota of her own, may still regenerate it.
		await click(sixth, users.alice, false);
		await expect.poll(async () => (await regenerationJobs(sixth)).length).toBe(1);
	});
});
