import type { EmulatorClient } from './EmulatorClient.js';

/** One question of a round: its token, where it was asked, and when. */
export interface Question {
	readonly token: string;
	readonly channelId: string;
	readonly sentAt: number;
}

/** A round of questions, each from a new member; {@link Round.replies} counts the characters' answers per token. */
export interface Round {
	readonly questions: readonly Question[];
	readonly channels: readonly string[];
	/** Webhook messages (the characters' replies) of the round's channels that carry each token. */
	replies(): Promise<Map<string, { count: number; author: string }>>;
	/** Waits until every question has a reply; resolves with each one's latency (ms from question to reply seen), in question order. */
	awaitReplies(timeoutMs: number): Promise<number[]>;
}

/** Options of {@link askMembers}. */
export interface AskOptions {
	readonly emulator: EmulatorClient;
	/** Base URLs of the simulated Ollama hosts, which learn each token's reply first. */
	readonly sims: readonly string[];
	/** Tags the round's channels, members and tokens. */
	readonly label: string;
	readonly count: number;
	/** Questions per channel; the round gets its own channels. */
	readonly perChannel?: number;
	/** Called right after the question at this index is sent (e.g. to kill a container while the rest are in flight). */
	readonly afterSending?: (index: number) => Promise<void>;
}

/**
 * Members ask Peter, each once (no member cooldown in the way), in new channels. Each question carries a token the
 * simulators echo, so each reply is matched to its question: a reply to another's question, or a second one, shows.
 */
export async function askMembers(options: AskOptions): Promise<Round> {
	const { emulator, label, count } = options;
	const perChannel = options.perChannel ?? 6;
	const guildId = await emulator.guildId();
	const channels: string[] = [];
	for (let index = 0; index * perChannel < count; index += 1) channels.push(await emulator.createChannel(guildId, `${label}-${index}`));
	const members = [];
	for (let index = 0; index < count; index += 1) members.push(await emulator.createMember(guildId, `${label}-member-${index}`));
	const tokens = members.map((_, index) => `tk-${label}${index}x`);
	for (const token of tokens) {
		const reply = `Ha! ${token}? That reminds me of the time I fought a giant chicken.`;
		await Promise.all(options.sims.map((sim) => post(`${sim}/_sim/scripts`, { match: token, reply })));
	}
	const questions: Question[] = [];
	for (const [index, authorId] of members.entries()) {
		const token = tokens[index] as string;
		const channelId = channels[Math.floor(index / perChannel)] as string;
		await emulator.postMessage(channelId, authorId, `Peter, what do you think about ${token}?`);
		questions.push({ token, channelId, sentAt: Date.now() });
		await options.afterSending?.(index);
	}
	const replies = async () => {
		const found = new Map<string, { count: number; author: string }>();
		for (const channelId of channels) {
			for (const message of await emulator.transcript(channelId)) {
				if (message.author.kind !== 'webhook') continue;
				const token = tokens.find((each) => message.content.includes(`${each}?`));
				if (token === undefined) continue;
				const seen = found.get(token);
				found.set(token, { count: (seen?.count ?? 0) + 1, author: message.author.displayName });
			}
		}
		return found;
	};
	const awaitReplies = async (timeoutMs: number) => {
		const latencies = new Map<string, number>();
		const deadline = Date.now() + timeoutMs;
		while (latencies.size < questions.length) {
			const found = await replies();
			for (const question of questions) {
				if (!latencies.has(question.token) && found.has(question.token)) latencies.set(question.token, Date.now() - question.sentAt);
			}
			if (latencies.size === questions.length) break;
			if (Date.now() > deadline) {
				const missing = questions.filter((question) => !latencies.has(question.token)).map((question) => question.token);
				throw new Error(`${missing.length} of ${questions.length} questions got no reply within ${timeoutMs} ms: ${missing.join(', ')}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		return questions.map((question) => latencies.get(question.token) ?? Number.NaN);
	};
	return { questions, channels, replies, awaitReplies };
}

async function post(url: string, body: unknown): Promise<void> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
}
