import { type APIRequest, RESTEvents } from '@discordjs/rest';
import { Routes, type TextChannel } from 'discord.js';
import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionMessages } from '../../apps/gateway/src/interactions/InteractionMessages.js';
import { invoke } from '../admin/slashCommands.js';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

// Discord pings everything a message writes unless its body says otherwise: the gateway's client must default to nobody.
describe("the gateway's Discord client", () => {
	let fx: GatewayFixture;
	const requests: APIRequest[] = [];

	beforeAll(async () => {
		fx = await startGatewayFixture();
		fx.app.client.rest.on(RESTEvents.Response, (request) => requests.push(request));
	});
	afterAll(async () => {
		await fx?.close();
	});

	it('posts a fixed text containing @everyone, a member and a role without pinging any of them', async () => {
		const channelId = fx.emulator.seed?.channels.general ?? '';
		const alice = fx.emulator.seed?.users.alice ?? '';
		const moderators = fx.emulator.seed?.roles.moderators ?? '';
		const channel = (await fx.app.client.channels.fetch(channelId)) as TextChannel;
		const sent = await channel.send(`@everyone @here <@${alice}> <@&${moderators}>: the bot restarts in a minute.`);
		const seen = fx.emulator.control.transcript(channelId).find((message) => message.id === sent.id);
		expect(seen?.mentionsPinged).toEqual({ everyone: false, users: [], roles: [] });
	});

	it('answers a command it does not know with a reply that allows no mentions', async () => {
		const applicationId = fx.app.client.application?.id ?? '';
		// A command still registered in this guild that this version of the bot no longer has.
		await fx.app.client.rest.put(Routes.applicationGuildCommands(applicationId, fx.guildId), {
			body: [{ name: 'retired', description: 'A command an older version had', type: 1 }],
		});
		const { id } = invoke(fx.emulator, { user: 'bob', name: 'retired' });
		const answer = await fx.emulator.control.waitForInteraction(id, (view) => view.state === 'replied');
		expect(answer.original?.content).toBe(InteractionMessages.unknownCommand);
		expect(answer.original?.mentionsPinged).toEqual({ everyone: false, users: [], roles: [] });
		// The emulator records the answer before the gateway has read Discord's response to it.
		const callbackOf = () => requests.find((request) => String(request.path).startsWith(`/interactions/${id}/`));
		await waitFor(() => callbackOf() !== undefined, 'the gateway to see its reply answered');
		const callback = callbackOf();
		expect(callback?.data.body).toMatchObject({ data: { content: InteractionMessages.unknownCommand, allowed_mentions: { parse: [] } } });
	});
});
