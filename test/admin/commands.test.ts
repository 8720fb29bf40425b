import { MemberMemory, SettingsAudit, VisionStatus } from '@charbot/stores';
import { parseJobData, QueueName } from '@charbot/contracts';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGatewayFixture } from '../gateway/gatewayFixture.js';
import { answerOf, answerText } from './slashCommands.js';

let fx: GatewayFixture;
let general: string;
let kitchen: string;
const user = (name: string) => fx.emulator.seed?.users[name] ?? '';

beforeAll(async () => {
	fx = await startGatewayFixture();
	general = fx.emulator.seed?.channels.general ?? '';
	kitchen = fx.emulator.seed?.channels.kitchen ?? '';
});
afterAll(async () => {
	await fx?.close();
});

describe('registration', () => {
	it('registers every command on start with the emulator, settings commands needing Manage Server by default', () => {
		const commands = fx.emulator.control.commands(fx.guildId);
		expect(commands.map((command) => command.name).sort()).toEqual(['admin', 'ask', 'channel', 'characters', 'config', 'memory', 'persona', 'stats']);
		const permissions = Object.fromEntries(commands.map((command) => [command.name, command.defaultMemberPermissions]));
		expect(permissions).toMatchObject({ channel: '32', config: '32', admin: '32', ask: null, characters: null, memory: null, persona: null, stats: null });
	});

	it('skips the overwrite when a second gateway starts with the same commands', async () => {
		const puts = () => fx.emulator.control.stats().rest.requestsByRoute['PUT /applications/:applicationId/commands'] ?? 0;
		expect(puts()).toBe(1);
		const replica = await fx.startReplica(() => undefined);
		await replica.close();
		expect(puts()).toBe(1);
	});
});

describe('/characters', () => {
	it('lists the cast, marking who answers here', async () => {
		const view = await answerOf(fx.emulator, { user: 'alice', name: 'characters', sub: 'list' });
		expect(view.ephemeral).toBe(false);
		expect(answerText(view)).toMatch(/\*\*Characters \(7\)\*\*/);
		expect(answerText(view)).toMatch(/✅ \*\*Peter Griffin\*\* \(`peter`\)/);
	});

	it('describes one character in an embed with its avatar; an unknown one is refused privately', async () => {
		const view = await answerOf(fx.emulator, { user: 'bob', name: 'characters', sub: 'info', options: { character: 'stewie' } });
		expect(view.original?.embeds[0]).toMatchObject({ title: 'Stewie Griffin', thumbnail: { url: expect.stringMatching(/^https:/) } });
		const unknown = await answerOf(fx.emulator, { user: 'bob', name: 'characters', sub: 'info', options: { character: 'Mort' } });
		expect(unknown.followUps).toMatchObject([{ ephemeral: true, content: expect.stringMatching(/no character called "Mort"/) }]);
	});
});

describe('autocomplete', () => {
	it('answers from memory: characters by name, settings keys, and values for the chosen key', async () => {
		const ask = (name: string, options: Record<string, string>, focused: string, sub?: string) => {
			const started = Date.now();
			const { id } = fx.emulator.control.autocomplete({
				channelId: general,
				userId: user('erin'),
				name,
				options,
				focused,
				...(sub ? { subcommand: sub } : {}),
			});
			return fx.emulator.control.waitForInteraction(id, (view) => view.state === 'autocompleted').then((view) => ({ view, ms: Date.now() - started }));
		};
		const characters = await ask('ask', { character: 'stew' }, 'character');
		expect(characters.view.autocompleteChoices).toEqual([{ name: 'Stewie Griffin (stewie)', value: 'stewie' }]);
		expect(characters.ms).toBeLessThan(1000);
		const keys = await ask('config', { key: 'qual' }, 'key', 'set');
		expect(keys.view.autocompleteChoices).toEqual([{ name: 'quality-threshold — Score a reply needs to pass review (0-1)', value: 'quality-threshold' }]);
		const values = await ask('config', { key: 'judge', value: '' }, 'value', 'set');
		expect(values.view.autocompleteChoices).toEqual([
			{ name: 'off', value: 'off' },
			{ name: 'borderline', value: 'borderline' },
			{ name: 'always', value: 'always' },
		]);
	});
});

describe('/config', () => {
	it('sets a value for the server, records who did it, and shows it with its source and the change', async () => {
		const view = await answerOf(fx.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'quality-threshold', value: '0.8' } });
		expect(view.ephemeral).toBe(true);
		expect(answerText(view)).toBe('**quality-threshold** is now **0.8** for the whole server. It was not set there.');
		expect(await fx.settings.overrides(fx.guildId)).toEqual({ qualityThreshold: 0.8 });
		const [entry] = await new SettingsAudit(fx.redis, fx.keyspace).recent(fx.guildId);
		expect(entry).toMatchObject({ actorId: user('erin'), scope: 'server', key: 'qualityThreshold', before: null, after: 0.8 });

		const shown = answerText(await answerOf(fx.emulator, { user: 'alice', name: 'config', sub: 'show' }));
		expect(shown).toContain('• **quality-threshold**: 0.8 _(server)_');
		expect(shown).toContain('• **cooldown**: 2 s _(default)_');
		expect(shown).toMatch(/<t:\d+:R> Erin: \*\*quality-threshold\*\* \(server\) not set → 0\.8/);
	});

	it('shows what the running message routers do with pictures, as the last one to start said', async () => {
		const show = async () => answerText(await answerOf(fx.emulator, { user: 'alice', name: 'config', sub: 'show' }));
		expect(await show()).toContain('• **pictures**: not known yet (no message router has started) _(deployment)_');
		const vision = new VisionStatus(fx.redis, fx.keyspace);
		await vision.publish(undefined);
		expect(await show()).toContain('• **pictures**: not seen: no vision model is set up (the operator sets `OLLAMA_VISION_MODEL` or a `vision` role)');
		await vision.publish('llava:7b');
		expect(await show()).toContain('• **pictures**: seen by the vision model `llava:7b` _(deployment)_');
	});

	it('sets a value for this channel only, over the server one', async () => {
		await answerOf(fx.emulator, {
			user: 'dana',
			name: 'config',
			sub: 'set',
			options: { key: 'quality-threshold', value: '70%', scope: 'channel' },
			channel: 'kitchen',
		});
		expect((await fx.settings.effective(fx.guildId, kitchen)).qualityThreshold).toBe(0.7);
		expect((await fx.settings.effective(fx.guildId, general)).qualityThreshold).toBe(0.8);
		const note = await answerOf(fx.emulator, {
			user: 'erin',
			name: 'config',
			sub: 'set',
			options: { key: 'quality-threshold', value: '0.9' },
			channel: 'kitchen',
		});
		expect(answerText(note)).toMatch(/This channel overrides it with 0\.7/);
	});

	it('refuses an invalid value or an unknown key with the reason, and changes nothing', async () => {
		const before = await fx.settings.overrides(fx.guildId);
		const changes = (await new SettingsAudit(fx.redis, fx.keyspace).recent(fx.guildId, 100)).length;
		const bad = await answerOf(fx.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'quality-threshold', value: '3' } });
		expect(bad.ephemeral).toBe(true);
		expect(answerText(bad)).toBe('Nothing changed: **quality-threshold** must be a number from 0 to 1 (for example `0.7`); got "3".');
		const unknown = await answerOf(fx.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'colour', value: 'blue' } });
		expect(answerText(unknown)).toMatch(/^Nothing changed: "colour" is not a setting\. Settings: mode, characters/);
		const noCharacter = await answerOf(fx.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'default-character', value: 'Mort' } });
		expect(answerText(noCharacter)).toMatch(/must be a loaded character/);
		expect(await fx.settings.overrides(fx.guildId)).toEqual(before);
		expect(await new SettingsAudit(fx.redis, fx.keyspace).recent(fx.guildId, 100)).toHaveLength(changes);
	});

	it('resets one key or a whole level', async () => {
		await answerOf(fx.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'judge', value: 'always' } });
		const one = await answerOf(fx.emulator, { user: 'erin', name: 'config', sub: 'reset', options: { scope: 'server', key: 'judge' } });
		expect(answerText(one)).toBe("Reset the server's **judge**; the defaults apply again.");
		const all = await answerOf(fx.emulator, { user: 'erin', name: 'config', sub: 'reset', options: { scope: 'channel' }, channel: 'kitchen' });
		expect(answerText(all)).toBe("Reset this channel's **quality-threshold**; the server settings apply again.");
		expect((await fx.settings.effective(fx.guildId, kitchen)).qualityThreshold).toBe(0.9);
		const nothing = await answerOf(fx.emulator, { user: 'erin', name: 'config', sub: 'reset', options: { scope: 'channel' }, channel: 'kitchen' });
		expect(answerText(nothing)).toBe("Nothing to reset: this channel's settings were not set.");
	});
});

describe('Manage Server', () => {
	const refusals = [
		{ user: 'alice', name: 'config', sub: 'set', options: { key: 'memory', value: 'off' } },
		{ user: 'bob', name: 'config', sub: 'reset', options: { scope: 'server' } },
		{ user: 'carol', name: 'channel', sub: 'mode', options: { mode: 'off' } },
		{ user: 'alice', name: 'channel', group: 'characters', sub: 'remove', options: { character: 'peter' } },
		{ user: 'bob', name: 'admin', sub: 'forget-user', options: { user: '' } },
	] as const;

	it('refuses members without it, privately and at once, for every settings command, and changes nothing', async () => {
		const memory = new MemberMemory(fx.redis, fx.keyspace);
		await memory.add(fx.guildId, user('carol'), 'I collect stamps');
		const stored = async () => [await fx.redis.keys(`${fx.keyspace.prefix}:g:*:settings*`), await fx.settings.layers(fx.guildId, general)];
		const before = await stored();
		for (const invocation of refusals) {
			const options = invocation.name === 'admin' ? { user: user('carol') } : invocation.options;
			const view = await answerOf(fx.emulator, { ...invocation, options });
			expect(view.callbackType, invocation.name).toBe(4);
			expect(view.ephemeral, invocation.name).toBe(true);
			expect(answerText(view)).toBe('Only members with the **Manage Server** permission can change this. Nothing was changed.');
		}
		expect(await stored()).toEqual(before);
		expect((await memory.list(fx.guildId, user('carol'))).map((fact) => fact.text)).toEqual(['I collect stamps']);
	});

	it('lets an Administrator and a member with Manage Server through', async () => {
		const admin = await answerOf(fx.emulator, { user: 'dana', name: 'admin', sub: 'forget-user', options: { user: user('carol') } });
		expect(answerText(admin)).toBe(`Done: the characters forgot 1 thing about <@${user('carol')}>.`);
		expect(admin.original?.mentionsPinged.users).toEqual([]);
		expect(await new MemberMemory(fx.redis, fx.keyspace).list(fx.guildId, user('carol'))).toEqual([]);
	});
});

describe('/channel', () => {
	it('sets the mode, and it takes effect on the next message without a restart', async () => {
		const off = await answerOf(fx.emulator, { user: 'erin', name: 'channel', sub: 'mode', options: { mode: 'off' }, channel: 'bot-lab' });
		expect(answerText(off)).toMatch(/^This channel's mode is now \*\*off\*\*/);
		const botLab = fx.emulator.seed?.channels['bot-lab'] ?? '';
		const silenced = fx.post(botLab, fx.newMember('mode-tester-1'), 'Peter, are you there?');
		expect(await fx.outcomeOf(silenced.id)).toMatchObject({ kind: 'not-triggered', reason: 'mode-off' });
		await answerOf(fx.emulator, { user: 'erin', name: 'channel', sub: 'mode', options: { mode: 'mention-only' }, channel: 'bot-lab' });
		const answered = fx.post(botLab, fx.newMember('mode-tester-2'), 'Peter, are you there now?');
		expect(await fx.outcomeOf(answered.id)).toMatchObject({ kind: 'enqueued' });
	});

	it('adds and removes characters; the last one cannot be removed; the list rules the next message', async () => {
		const add = await answerOf(fx.emulator, {
			user: 'erin',
			name: 'channel',
			group: 'characters',
			sub: 'add',
			options: { character: 'stewie' },
			channel: 'bot-lab',
		});
		expect(answerText(add)).toBe(
			'**Stewie Griffin** now answers in this channel. Before, every character did; now only the listed ones do. **Stewie Griffin** says hello. Characters here: Stewie Griffin.',
		);
		const botLab = fx.emulator.seed?.channels['bot-lab'] ?? '';
		// The greeting waits for quality control's delivery (not running here) as a deliver job of a reply that pings nobody.
		const deliveries = new Queue(QueueName.Deliver, { connection: fx.redis, prefix: fx.keyspace.queuePrefix(QueueName.Deliver) });
		const greetings = (await deliveries.getJobs(['delayed', 'waiting'])).map((job) => parseJobData(QueueName.Deliver, job.data));
		await deliveries.close();
		expect(greetings).toMatchObject([
			{
				kind: 'reply',
				characterId: 'stewie',
				trigger: 'greeting',
				text: 'Ah. Visitors. Do wipe your feet; this nursery is the nerve centre of a future global empire.',
				message: { channelId: botLab },
			},
		]);
		const toPeter = fx.post(botLab, fx.newMember('list-tester-1'), 'Peter, hello?');
		expect(await fx.outcomeOf(toPeter.id)).toMatchObject({ kind: 'not-triggered', reason: 'not-called' });
		const last = await answerOf(fx.emulator, {
			user: 'erin',
			name: 'channel',
			group: 'characters',
			sub: 'remove',
			options: { character: 'Stewie' },
			channel: 'bot-lab',
		});
		expect(last.followUps.length + (last.ephemeral ? 1 : 0)).toBeGreaterThan(0);
		expect(answerText(last)).toMatch(/only character left here; use `\/channel mode off`/);
		await answerOf(fx.emulator, { user: 'erin', name: 'channel', group: 'characters', sub: 'add', options: { character: 'peter' }, channel: 'bot-lab' });
		const remove = await answerOf(fx.emulator, {
			user: 'erin',
			name: 'channel',
			group: 'characters',
			sub: 'remove',
			options: { character: 'stewie' },
			channel: 'bot-lab',
		});
		expect(answerText(remove)).toBe('**Stewie Griffin** no longer answers in this channel. Characters here: Peter Griffin.');
		expect((await fx.settings.overrides(fx.guildId, botLab)).characters).toEqual(['peter']);
	});
});
