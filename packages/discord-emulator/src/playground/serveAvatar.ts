import type { ServerResponse } from 'node:http';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import { renderAvatarSvg } from './renderAvatarSvg.js';

const avatarPath = /^\/_emu\/avatars\/([\w-]{1,64})\.svg$/;

/**
 * Serves `/_emu/avatars/{userId}.svg` (drawn from the user's id and name) and `/_emu/avatars/{key}.svg?name=…`
 * (drawn from the name, for characters posting through one webhook); returns false for other paths.
 */
export function serveAvatar(store: EmulatorStore, path: string, query: URLSearchParams, response: ServerResponse): boolean {
	const match = avatarPath.exec(path);
	if (!match) return false;
	const key = match[1] ?? '';
	const user = store.users.get(key);
	const given = query.get('name')?.slice(0, 80);
	const name = user ? (user.globalName ?? user.username) : (given ?? key);
	const seed = user ? `user:${user.username}` : `name:${name}`;
	response
		.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600', 'x-content-type-options': 'nosniff' })
		.end(renderAvatarSvg(seed, name));
	return true;
}
