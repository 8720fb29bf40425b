import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerText, finished } from '../admin/slashCommands.js';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

const memberBudget = 4;
const guildBudget = 12;

describe('fair share at the gateway: generation budgets and job priorities', () => {
	let fx: GatewayFixture;
	let general: string;

	beforeAll(async () => {
		fx = await startGatewayFixture({
			env: { MEMBER_GENERATION_BUDGET: String(memberBudget), GUILD_GENERATION_BUDGET: String(guildBudget), GENERATION_BUDGET_WINDOW: '600' },
		});
		general = fx.emulator.seed?.channels.general ?? '';
		// Cooldowns lifted: the budgets are what is under test.
		await fx.settings.update(fx.guildId, { userCooldownSeconds: 0, channelCooldownSeconds: 0 });
	});
	afterAll(async () => {
		await fx?.close();
	});

	const botReplies = (channelId: string, to: string) =>
		fx.emulator.control.transcript(channelId).filter((message) => message.fromBot && message.replyTo === to && !message.ephemeral);
	const reactions = (channelId: string, id: string) => fx.emulator.control.transcript(channelId).find((message) => message.id === id)?.reactions ?? [];

	it("counts every character a message calls against the member's budget, then answers with one note and ⏳ after it, never silence", async () => {
		const eager = fx.newMember('eager-budget');
		const outcomes = [];
		// Two characters (2 generations), then one, then one: the budget of 4 is used up.
		for (const content of ['Peter and Stewie, hi', 'Peter, again', 'Brian, and you?', 'Peter, one more', 'Peter, and another']) {
			const posted = fx.post(general, eager, content);
			outcomes.push({ posted, outcome: await fx.outcomeOf(posted.id) });
		}
		expect(outcomes.map(({ outcome }) => (outcome.kind === 'refused' ? outcome.reason : outcome.kind))).toEqual([
			'enqueued',
			'enqueued',
			'enqueued',
			'member-budget',
			'member-budget',
		]);
		const [, , , fourth, fifth] = outcomes.map(({ posted }) => posted.id) as [string, string, string, string, string];
		expect(await fx.routeJobsFor(fourth)).toEqual([]);
		await waitFor(() => botReplies(general, fourth).length > 0, 'the over-budget note');
		expect(botReplies(general, fourth).map((message) => message.content)).toEqual([
			expect.stringMatching(/^You've kept the characters very busy lately.*again in about 10 minutes\.$/),
		]);
		await waitFor(() => reactions(general, fifth).length > 0, 'the ⏳ reaction on the next one');
		expect(reactions(general, fifth)).toMatchObject([{ emoji: { name: '⏳' }, me: true }]);
		expect(botReplies(general, fifth)).toEqual([]);
		expect(await fx.redis.get(fx.keyspace.memberBudget(eager))).toBe(String(memberBudget));
	});

	it("spans guilds and DMs: a member over budget in a server is over it in DMs and /ask too, and the server's budget stays theirs", async () => {
		const roamer = fx.newMember('roamer-budget');
		for (const content of ['Peter, a', 'Peter, b', 'Peter, c', 'Peter, d'])
			expect(await fx.outcomeOf(fx.post(general, roamer, content).id)).toMatchObject({ kind: 'enqueued' });
		const dm = fx.emulator.control.createDmChannel(roamer).id;
		const inDm = fx.post(dm, roamer, 'hello Peter');
		expect(await fx.outcomeOf(inDm.id)).toEqual({ kind: 'refused', messageId: inDm.id, reason: 'member-budget' });
		const { id } = fx.emulator.control.invokeCommand({
			channelId: general,
			userId: roamer,
			name: 'ask',
			options: { character: 'Peter', message: 'still there?' },
		});
		const answered = await fx.emulator.control.waitForInteraction(id, finished, 8000);
		expect(answerText(answered)).toMatch(/^You've kept the characters very busy lately/);
	});

	it('holds a whole guild to its budget: once it is spent, a member with budget left is refused and the channel told once', async () => {
		// Earlier tests spent 4 + 4 of the guild's 12; four more members with one message each use it up.
		const used = Number(await fx.redis.get(fx.keyspace.guildBudget(fx.guildId)));
		const fill = Array.from({ length: guildBudget - used }, (_, index) => fx.newMember(`filler-${index}`));
		for (const member of fill) expect(await fx.outcomeOf(fx.post(general, member, 'Peter, hi').id)).toMatchObject({ kind: 'enqueued' });
		const late = fx.post(general, fx.newMember('late-budget'), 'Peter, am I too late?');
		expect(await fx.outcomeOf(late.id)).toEqual({ kind: 'refused', messageId: late.id, reason: 'guild-budget' });
		await waitFor(() => botReplies(general, late.id).length > 0, "the server's over-budget note");
		expect(botReplies(general, late.id)[0]?.content).toMatch(/^The characters have talked a lot in this server lately/);
		// Nothing was counted against the member's own budget: the guild refused, so nothing was generated for them.
		expect(Number((await fx.redis.get(fx.keyspace.memberBudget(late.author.id))) ?? 0)).toBe(0);
	});

	it('gives every route job a BullMQ priority from its guild’s recent load, so a busy guild queues behind a quiet one', async () => {
		const quietGuild = fx.emulator.control.createGuild({ name: 'Quiet' }).id;
		const quietChannel = fx.emulator.control.createChannel(quietGuild, { name: 'calm' }).id;
		const quietMember = fx.emulator.control.createUser({ username: 'calm-member' }).id;
		fx.emulator.control.addMember(quietGuild, quietMember);
		await waitFor(() => fx.app.client.channels.cache.has(quietChannel), 'the gateway to see the quiet guild');
		const posted = fx.post(quietChannel, quietMember, 'Peter, hello from a quiet place');
		await fx.outcomeOf(posted.id);
		const [quietJob] = await fx.routeJobsFor(posted.id);
		const busyJobs = (await fx.queue.getJobs(['prioritized', 'waiting'])).filter((job) => job.data?.message?.guildId === fx.guildId);
		expect(quietJob?.job.priority).toBe(1);
		expect(busyJobs.length).toBeGreaterThan(10);
		expect(busyJobs.every((job) => job.priority >= 1)).toBe(true);
		expect(Math.max(...busyJobs.map((job) => job.priority))).toBeGreaterThan(10);
	});
});

describe('DMs turned off by the operator', () => {
	let fx: GatewayFixture;

	beforeAll(async () => {
		fx = await startGatewayFixture({ env: { DMS_ENABLED: 'false' } });
	});
	afterAll(async () => {
		await fx?.close();
	});

	it('answers a DM with one short note a day, generates nothing, and still answers in servers', async () => {
		const dm = fx.emulator.seed?.dmChannelId ?? '';
		const alice = fx.emulator.seed?.users.alice ?? '';
		const first = fx.post(dm, alice, 'Peter, are you there?');
		const second = fx.post(dm, alice, 'hello?');
		expect(await fx.outcomeOf(first.id)).toEqual({ kind: 'refused', messageId: first.id, reason: 'dms-off' });
		expect(await fx.outcomeOf(second.id)).toEqual({ kind: 'refused', messageId: second.id, reason: 'dms-off' });
		await waitFor(() => fx.emulator.control.transcript(dm).some((message) => message.fromBot), 'the DMs-off note');
		expect(
			fx.emulator.control
				.transcript(dm)
				.filter((message) => message.fromBot)
				.map((message) => message.content),
		).toEqual([expect.stringMatching(/^The characters only talk in servers/)]);
		expect([...(await fx.routeJobsFor(first.id)), ...(await fx.routeJobsFor(second.id))]).toEqual([]);
		expect(await fx.history.recent(null, dm)).toEqual([]);
		const general = fx.emulator.seed?.channels.general ?? '';
		expect(await fx.outcomeOf(fx.post(general, alice, 'Peter, hi from the server').id)).toMatchObject({ kind: 'enqueued' });
	});
});
