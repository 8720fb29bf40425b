import { type Client, Events } from 'discord.js';

/** Logs in and resolves once every shard is ready (`clientReady`), or rejects after `timeoutMs`. */
export async function loginClient(client: Client, token: string, timeoutMs: number): Promise<Client<true>> {
	let timer: NodeJS.Timeout | undefined;
	let onReady: (() => void) | undefined;
	const ready = new Promise<void>((resolve, reject) => {
		onReady = () => resolve();
		client.once(Events.ClientReady, onReady);
		timer = setTimeout(
			() => reject(new Error(`Discord did not get ready within ${timeoutMs} ms (login succeeded, but not every shard received its guilds)`)),
			timeoutMs,
		);
	});
	// A rejection of `ready` while login is still running must not go unhandled.
	ready.catch(() => undefined);
	try {
		await client.login(token);
		await ready;
	} finally {
		clearTimeout(timer);
		if (onReady !== undefined) client.off(Events.ClientReady, onReady);
	}
	if (!client.isReady()) throw new Error('Discord client reported ready but is not');
	return client;
}
