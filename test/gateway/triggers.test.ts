import { DefaultJobOptions } from '@charbot/contracts';
import { waitFor } from '@charbot/testkit';
import { SnowflakeUtil, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

describe('gateway triggers with the real discord.js client against the emulator', () => {
	let fx: GatewayFixture;
	let general: string;
	let botMention: string;

	beforeAll(async () => {
		// A fixed roll: with a channel multiplier of 5 every character's chance is 1, with 0 it is 0.
		fx = await startGatewayFixture({ gateway: { random: () => 0.5 } });
		general = fx.emulator.seed?.channels.general ?? '';
		botMention = `<@${fx.emulator.botUser.id}>`;
	});

	afterAll(async () => {
		await fx?.close();
	});

	it('turns a bare bot mention into one route job for the default character', async () => {
		const alice = fx.emulator.seed?.users.alice ?? '';
		const posted = fx.post(general, alice, `${botMention} hello there`);
		expect(await fx.outcomeOf(posted.id)).toEqual({ kind: 'enqueued', messageId: posted.id, jobIds: [`msg-${posted.id}-peter`] });
		const [job, ...others] = await fx.routeJobsFor(posted.id);
		expect(others).toEqual([]);
		expect(job?.id).toBe(`msg-${posted.id}-peter`);
		expect(job?.data).toMatchObject({
			jobKey: `msg-${posted.id}-peter`,
			characterId: 'peter',
			trigger: 'mention',
			cascadeDepth: 0,
			failedAttempts: [],
			message: {
				id: posted.id,
				channelId: general,
				guildId: fx.guildId,
				author: { id: alice, username: 'alice', displayName: 'Alice', isBot: false },
				content: `${botMention} hello there`,
				// discord.js dates a message by its snowflake (the emulator's `timestamp` may be a millisecond later).
				createdAt: SnowflakeUtil.timestampFrom(posted.id),
			},
		});
		expect(job?.job.opts).toMatchObject({ attempts: DefaultJobOptions.attempts, backoff: DefaultJobOptions.backoff });
	});

	it('shows typing in the channel of a message it enqueued', async () => {
		await waitFor(() => (fx.emulator.control.stats().rest.requestsByRoute['POST /channels/:channelId/typing'] ?? 0) >= 1, 'a typing request');
	});

	it('answers a mention of the bot role like a mention of the bot', async () => {
		const botRole = fx.emulator.control.guild(fx.guildId).roles.find((role) => role.managed);
		const posted = fx.post(general, fx.newMember('role-pinger'), `<@&${botRole?.id}> anyone?`);
		expect(await fx.outcomeOf(posted.id)).toMatchObject({ kind: 'enqueued', jobIds: [`msg-${posted.id}-peter`] });
	});

	it('sends a message that names a character to that character', async () => {
		const posted = fx.post(general, fx.emulator.seed?.users.bob ?? '', "Stewie, what's the plan?");
		await fx.outcomeOf(posted.id);
		const jobs = await fx.routeJobsFor(posted.id);
		expect(jobs.map(({ id, data }) => [id, data.characterId, data.trigger])).toEqual([[`msg-${posted.id}-stewie`, 'stewie', 'name']]);
	});

	it('sends a reply to the character whose message it answers', async () => {
		const channel = (await fx.app.client.channels.fetch(general)) as TextChannel;
		const characterLine = await channel.send('Heh heh heh, classic me.');
		expect(await fx.outcomeOf(characterLine.id)).toMatchObject({ kind: 'ignored', reason: 'own-message' });
		await fx.owners.remember(fx.guildId, characterLine.id, { characterId: 'peter', cascadeDepth: 0 });
		const posted = fx.post(general, fx.emulator.seed?.users.carol ?? '', 'what do you mean by that', characterLine.id);
		await fx.outcomeOf(posted.id);
		const jobs = await fx.routeJobsFor(posted.id);
		expect(jobs.map(({ data }) => [data.characterId, data.trigger, data.message.replyToMessageId])).toEqual([['peter', 'reply', characterLine.id]]);
	});

	it('answers DMs with the default, then with the character a DM named, and remembers it', async () => {
		const dm = fx.emulator.seed?.dmChannelId ?? '';
		const alice = fx.emulator.seed?.users.alice ?? '';
		await fx.settings.update(null, { userCooldownSeconds: 0 }, dm);
		const trigger = async (content: string) => {
			const posted = fx.post(dm, alice, content);
			await fx.outcomeOf(posted.id);
			return (await fx.routeJobsFor(posted.id)).map(({ data }) => [data.characterId, data.trigger, data.message.guildId]);
		};
		expect(await trigger('hi, is anyone there?')).toEqual([['peter', 'dm', null]]);
		expect(await trigger('Stewie, are you there?')).toEqual([['stewie', 'dm', null]]);
		expect(await fx.redis.get(fx.keyspace.dmCharacter(alice))).toBe('stewie');
		expect(await trigger('and what now?')).toEqual([['stewie', 'dm', null]]);
	});

	it('lets a character chime in on an active channel when its talkativeness is forced high', async () => {
		const active = await fx.newChannel('active-chat', { mode: 'active', talkativeness: 5, characters: ['brian'] });
		const posted = fx.post(active, fx.newMember('chatter'), 'lovely weather today');
		await fx.outcomeOf(posted.id);
		const jobs = await fx.routeJobsFor(posted.id);
		expect(jobs.map(({ data }) => [data.characterId, data.trigger])).toEqual([['brian', 'active-channel']]);
	});

	it('stays quiet on an active channel whose multiplier is 0, but still records the message', async () => {
		const quiet = await fx.newChannel('quiet-chat', { mode: 'active', talkativeness: 0 });
		const posted = fx.post(quiet, fx.newMember('lurker'), 'just saying hi');
		expect(await fx.outcomeOf(posted.id)).toEqual({ kind: 'not-triggered', messageId: posted.id, reason: 'talkativeness-missed' });
		expect(await fx.routeJobsFor(posted.id)).toEqual([]);
		expect((await fx.history.recent(fx.guildId, quiet)).map((entry) => entry.messageId)).toEqual([posted.id]);
	});

	it('enqueues nothing, and records nothing, in a channel whose mode is off', async () => {
		const off = await fx.newChannel('no-bots-here', { mode: 'off' });
		const posted = fx.post(off, fx.newMember('purist'), `${botMention} Stewie? Peter?`);
		expect(await fx.outcomeOf(posted.id)).toEqual({ kind: 'not-triggered', messageId: posted.id, reason: 'mode-off' });
		expect(await fx.routeJobsFor(posted.id)).toEqual([]);
		expect(await fx.history.recent(fx.guildId, off)).toEqual([]);
	});

	it('ignores messages from other bots', async () => {
		const otherBot = fx.emulator.control.createUser({ username: 'MEE7', bot: true });
		fx.emulator.control.addMember(fx.guildId, otherBot.id);
		const posted = fx.post(general, otherBot.id, `${botMention} Stewie, level up!`);
		expect(await fx.outcomeOf(posted.id)).toEqual({ kind: 'ignored', messageId: posted.id, reason: 'other-bot' });
		expect(await fx.routeJobsFor(posted.id)).toEqual([]);
	});

	it("holds a member's cooldown: a second call within the window gets no job, and the ⏳ reaction instead of silence", async () => {
		const eager = fx.newMember('eager');
		const first = fx.post(general, eager, 'Peter, one thing');
		const second = fx.post(general, eager, 'Peter, and another');
		expect(await fx.outcomeOf(first.id)).toMatchObject({ kind: 'enqueued' });
		expect(await fx.outcomeOf(second.id)).toEqual({ kind: 'cooldown', messageId: second.id, reason: 'user-cooldown' });
		expect(await fx.routeJobsFor(second.id)).toEqual([]);
		const reactions = (id: string) => fx.emulator.control.transcript(general).find((message) => message.id === id)?.reactions ?? [];
		await waitFor(() => reactions(second.id).length > 0, 'the cooldown reaction');
		expect(reactions(second.id)).toMatchObject([{ emoji: { name: '⏳' }, count: 1, me: true }]);
		expect(reactions(first.id)).toEqual([]);
	});

	it('records member messages in the channel history in order, called or not', async () => {
		const kitchen = fx.emulator.seed?.channels.kitchen ?? '';
		const speakers = [fx.newMember('one'), fx.newMember('two'), fx.newMember('three')];
		const posted = ['first line', 'second line, Brian', 'third line'].map((content, index) => fx.post(kitchen, speakers[index] ?? '', content));
		for (const message of posted) await fx.outcomeOf(message.id);
		const history = await fx.history.recent(fx.guildId, kitchen);
		expect(history.map(({ messageId, authorId, authorName, content }) => ({ messageId, authorId, authorName, content }))).toEqual(
			posted.map((message, index) => ({
				messageId: message.id,
				authorId: speakers[index],
				authorName: ['one', 'two', 'three'][index],
				content: message.content,
			})),
		);
	});

	it('survives hostile input: invisible and RTL characters, a mention flood and the whole cast named', async () => {
		const hostile = fx.newMember('hostile');
		const flood = Array.from({ length: 60 }, () => `<@${hostile}>`).join(' ');
		const content = `\u202e\u200b${flood} @everyone Peter Brian Stewie Lois Meg Chris Quagmire \u2066\u200f`.slice(0, 2000);
		const posted = fx.post(general, hostile, content);
		const outcome = await fx.outcomeOf(posted.id);
		expect(outcome).toMatchObject({ kind: 'enqueued' });
		// Three characters at most take turns: the first one's job, the other two following it.
		const jobs = await fx.routeJobsFor(posted.id);
		expect(jobs).toHaveLength(1);
		const turn = [jobs[0]?.data.characterId, ...(jobs[0]?.data.followers ?? []).map((follower) => follower.characterId)];
		expect(turn.sort()).toEqual(['brian', 'peter', 'stewie']);
		expect(jobs[0]?.data.message.content).toBe(content);

		const invisible = fx.post(general, fx.newMember('ghost'), '\u200b\u200c\u200d\u2060'.repeat(500));
		expect(await fx.outcomeOf(invisible.id)).toMatchObject({ kind: 'not-triggered', reason: 'not-called' });
		expect(fx.logLines.some((line) => line.includes('"level":50'))).toBe(false);
	});
});
