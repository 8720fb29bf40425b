import type { DiscordEmulator } from '@charbot/discord-emulator';
import { Client, type ClientEvents, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';

/** Intents most tests use: guilds, guild and DM messages, message content. */
export const chatIntents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent];

/** Logs a real discord.js client into the emulator and resolves once `clientReady` fired. */
export async function loginClient(emulator: DiscordEmulator, options: Partial<ClientOptions> = {}): Promise<Client<true>> {
	const client = new Client({ intents: chatIntents, ...options, rest: { api: emulator.apiUrl, ...options.rest } });
	const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
	await client.login(emulator.token);
	await ready;
	return client as Client<true>;
}

/** Resolves with the first event `pick` accepts, or fails after `timeoutMs`. */
export function nextEvent<K extends keyof ClientEvents, T>(
	client: Client,
	event: K,
	pick: (...args: ClientEvents[K]) => T | undefined,
	timeoutMs = 5000,
): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => {
			client.off(event, listener);
			reject(new Error(`no matching ${event} within ${timeoutMs} ms`));
		}, timeoutMs);
		const listener = (...args: ClientEvents[K]) => {
			const value = pick(...args);
			if (value === undefined) return;
			clearTimeout(timer);
			client.off(event, listener);
			resolve(value);
		};
		client.on(event, listener);
	});
}
