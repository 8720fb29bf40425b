import type { TranscriptMessage } from '@charbot/discord-emulator';

/** The Discord emulator's control API (`/_emu`) over HTTP, as the test reaches it through a published port. */
export class EmulatorClient {
	constructor(private readonly baseUrl: string) {}

	/** The seeded guild's id. */
	async guildId(): Promise<string> {
		const info = await this.#request<{ seed: { guildId: string } | null }>('GET', '/_emu/info');
		if (!info.seed) throw new Error('the emulator has no seeded guild');
		return info.seed.guildId;
	}

	async createChannel(guildId: string, name: string): Promise<string> {
		return (await this.#request<{ id: string }>('POST', `/_emu/guilds/${guildId}/channels`, { name })).id;
	}

	/** A new user who is a member of the guild. */
	async createMember(guildId: string, username: string): Promise<string> {
		const { id } = await this.#request<{ id: string }>('POST', '/_emu/users', { username });
		await this.#request('POST', `/_emu/guilds/${guildId}/members`, { userId: id });
		return id;
	}

	/** A member writes in a channel, as through Discord's client: the gateway receives MESSAGE_CREATE. */
	async postMessage(channelId: string, authorId: string, content: string): Promise<void> {
		await this.#request('POST', `/_emu/channels/${channelId}/messages`, { authorId, content });
	}

	/** The channel's messages, oldest first. */
	transcript(channelId: string): Promise<TranscriptMessage[]> {
		return this.#request<TranscriptMessage[]>('GET', `/_emu/channels/${channelId}/messages?limit=100`);
	}

	async #request<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${text}`);
		return JSON.parse(text) as T;
	}
}
