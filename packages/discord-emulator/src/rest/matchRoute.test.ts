import { describe, expect, it } from 'vitest';
import { compileRoutes, matchRoute } from './matchRoute.js';
import { noContent, type RestRoute } from './RestRoute.js';

const route = (method: RestRoute['method'], pattern: string): RestRoute => ({ method, pattern, auth: true, handle: () => noContent });
const routes = compileRoutes([
	route('GET', '/users/@me'),
	route('GET', '/users/:userId'),
	route('PATCH', '/webhooks/:webhookId/:token/messages/:messageId'),
	route('POST', '/channels/:channelId/messages'),
]);

describe('matchRoute', () => {
	it('prefers literal routes listed first', () => {
		const match = matchRoute(routes, 'GET', '/users/@me');
		expect(match.kind === 'found' && match.compiled.label).toBe('GET /users/@me');
	});

	it('decodes %40original like Discord does', () => {
		const match = matchRoute(routes, 'PATCH', '/webhooks/1/abc/messages/%40original');
		expect(match.kind === 'found' && match.params).toEqual({ webhookId: '1', token: 'abc', messageId: '@original' });
	});

	it('lists the methods a known path allows', () => {
		expect(matchRoute(routes, 'DELETE', '/channels/1/messages')).toEqual({ kind: 'none', methods: ['POST'] });
		expect(matchRoute(routes, 'GET', '/nope')).toEqual({ kind: 'none', methods: [] });
	});
});
