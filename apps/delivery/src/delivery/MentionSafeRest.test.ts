import { type InternalRequest, RequestMethod } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { NoMentions, withDefaultAllowedMentions } from './MentionSafeRest.js';

const request = (method: RequestMethod, fullRoute: InternalRequest['fullRoute'], body: unknown): InternalRequest => ({ method, fullRoute, body });

describe('withDefaultAllowedMentions', () => {
	it('adds mentions of nobody to every kind of message body that has none', () => {
		const routes = [
			request(RequestMethod.Post, Routes.channelMessages('1'), { content: '@everyone' }),
			request(RequestMethod.Patch, Routes.channelMessage('1', '2'), { content: '@everyone' }),
			request(RequestMethod.Post, Routes.webhook('3', 'tok'), { content: '@everyone' }),
			request(RequestMethod.Patch, Routes.webhookMessage('3', 'tok', '@original'), { content: '@everyone' }),
			request(RequestMethod.Patch, Routes.webhookMessage('3', 'tok', '4'), { embeds: [] }),
		];
		for (const each of routes) expect(withDefaultAllowedMentions(each).body, each.fullRoute).toMatchObject({ allowed_mentions: NoMentions });
		const callback = withDefaultAllowedMentions(request(RequestMethod.Post, Routes.interactionCallback('5', 'tok'), { type: 4, data: { content: '@here' } }));
		expect(callback.body).toEqual({ type: 4, data: { content: '@here', allowed_mentions: NoMentions } });
	});

	it("keeps a body's own mentions, and leaves other requests alone", () => {
		const own = request(RequestMethod.Post, Routes.channelMessages('1'), { content: 'hi', allowed_mentions: { parse: ['users'] } });
		expect(withDefaultAllowedMentions(own)).toBe(own);
		const others = [
			request(RequestMethod.Post, Routes.channelWebhooks('1'), { name: 'charbot' }),
			request(RequestMethod.Delete, Routes.webhookMessage('3', 'tok', '4'), undefined),
			request(RequestMethod.Post, Routes.interactionCallback('5', 'tok'), { type: 5 }),
			request(RequestMethod.Put, Routes.applicationCommands('6'), [{ name: 'ask' }]),
		];
		for (const each of others) expect(withDefaultAllowedMentions(each), each.fullRoute).toBe(each);
	});
});
