import { waitFor } from '@charbot/testkit';
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageOutcome } from '../../apps/gateway/src/intake/MessageOutcome.js';
import type { GatewayApp } from '../../apps/gateway/src/startGateway.js';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

describe('one job per message and character, however often the event arrives', () => {
	let fx: GatewayFixture;
	let channelId: string;
	let botMention: string;

	beforeAll(async () => {
		fx = await startGatewayFixture();
		// No member cooldown here, so only the job id can keep a duplicate event from making a second job.
		channelId = await fx.newChannel('replays', { userCooldownSeconds: 0 });
		botMention = `<@${fx.emulator.botUser.id}>`;
	});

	afterAll(async () => {
		await fx?.close();
	});

	it('keeps one job and one history entry when two gateway replicas both receive the event', async () => {
		const replicaOutcomes = new Map<string, MessageOutcome>();
		const replica: GatewayApp = await fx.startReplica((outcome) => replicaOutcomes.set(outcome.messageId, outcome));
		try {
			expect(fx.emulator.control.sessions().filter((session) => session.connected)).toHaveLength(2);
			const posted = fx.post(channelId, fx.emulator.seed?.users.alice ?? '', `${botMention} Stewie and Brian, both of you`);
			const expected = [`msg-${posted.id}-stewie`, `msg-${posted.id}-brian`];
			expect(await fx.outcomeOf(posted.id)).toEqual({ kind: 'enqueued', messageId: posted.id, jobIds: expected });
			await waitFor(() => replicaOutcomes.has(posted.id), "the replica's outcome");
			expect(replicaOutcomes.get(posted.id)).toEqual({ kind: 'enqueued', messageId: posted.id, jobIds: expected });
			// Stewie's job carries the turn; Brian's follows it once Stewie has answered.
			const jobs = await fx.routeJobsFor(posted.id);
			expect(jobs.map(({ id }) => id)).toEqual([`msg-${posted.id}-stewie`]);
			expect(jobs[0]?.data.followers).toEqual([{ characterId: 'brian', trigger: 'name' }]);
			expect((await fx.history.recent(fx.guildId, channelId)).filter((entry) => entry.messageId === posted.id)).toHaveLength(1);
		} finally {
			await replica.close();
		}
	});

	it('makes exactly one job for each message sent while the gateway reconnects and resumes', async () => {
		const resumed = new Promise<number>((resolve) => fx.app.client.once(Events.ShardResume, (_shardId, replayed) => resolve(replayed)));
		expect(fx.emulator.control.requestReconnect()).toBe(1);
		const during = [fx.post(channelId, fx.emulator.seed?.users.bob ?? '', 'Peter, you there?')];
		await new Promise((resolve) => setTimeout(resolve, 100));
		during.push(fx.post(channelId, fx.emulator.seed?.users.carol ?? '', 'Lois, help'));
		expect(await resumed).toBeGreaterThanOrEqual(2);
		const after = fx.post(channelId, fx.emulator.seed?.users.dana ?? '', 'Meg?');
		for (const message of [...during, after]) expect(await fx.outcomeOf(message.id)).toMatchObject({ kind: 'enqueued' });
		const jobs = await Promise.all([...during, after].map((message) => fx.routeJobsFor(message.id)));
		expect(jobs.map((list) => list.map(({ data }) => data.characterId))).toEqual([['peter'], ['lois'], ['meg']]);
		expect(fx.emulator.control.stats().gateway.resumes).toBe(1);
	});
});
