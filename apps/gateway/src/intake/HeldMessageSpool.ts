import { closeSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@charbot/core';
import { z } from 'zod';

/** A member message as the spool keeps it: what the gateway read from Discord, and how far its handling got. */
export const spooledMessageSchema = z.object({
	received: z.object({
		id: z.string().min(1),
		channelId: z.string().min(1),
		guildId: z.string().min(1).nullable(),
		authorId: z.string().min(1),
		username: z.string(),
		displayName: z.string(),
		authorIsBot: z.boolean(),
		webhookId: z.string().nullable(),
		content: z.string(),
		createdAt: z.number(),
		replyToMessageId: z.string().optional(),
		botMentioned: z.boolean(),
		isChat: z.boolean(),
		// Spools written before pictures were read have none.
		images: z
			.array(
				z.object({
					url: z.string(),
					name: z.string(),
					size: z.number().optional(),
					width: z.number().optional(),
					height: z.number().optional(),
					source: z.enum(['attachment', 'embed', 'link']),
				}),
			)
			.readonly()
			.default([]),
	}),
	heldSince: z.number(),
	/** Steps an earlier try took that must not be taken twice (the cooldowns it started, the budget it reserved, the history's seen mark). */
	progress: z.object({
		seenClaimed: z.boolean().optional(),
		userCooldownTaken: z.boolean().optional(),
		channelCooldownTaken: z.boolean().optional(),
		budgetReserved: z.boolean().optional(),
	}),
});

/** One held message in the spool. */
export type SpooledMessage = z.output<typeof spooledMessageSchema>;

const lineSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('held'), message: spooledMessageSchema }),
	z.object({ kind: z.literal('done'), id: z.string().min(1) }),
]);

/** Options of {@link HeldMessageSpool.open}. */
export interface HeldMessageSpoolOptions {
	readonly dir: string;
	/** The file's name in `dir`: one per gateway replica (its Redis prefix and shards), so a restarted one finds its own. */
	readonly fileName: string;
	readonly logger: Logger;
	/** Dead lines (tombstoned or superseded) beyond which the file is rewritten with only the live messages. */
	readonly compactAfterLines?: number;
}

/**
 * An append-only file of the member messages the gateway holds while Redis is away, so that a gateway killed meanwhile
 * handles them when it starts again (Discord never sends a message twice). A message is appended when it is held (and
 * again when a try changed how far it got), a tombstone when it is handled or given up; writes of one tick go out
 * together and are flushed to disk (`fdatasync`). When nothing is held any more the file is removed, and it is rewritten
 * with only the live messages once dead lines pile up. A torn last line (a crash mid-write) is skipped.
 */
export class HeldMessageSpool {
	readonly #path: string;
	readonly #live = new Map<string, SpooledMessage>();
	readonly #pending: string[] = [];
	#fd: number | undefined;
	#deadLines = 0;
	#flushScheduled = false;
	#closed = false;

	private constructor(
		private readonly options: HeldMessageSpoolOptions,
		path: string,
	) {
		this.#path = path;
	}

	/** Opens the spool, reading the messages an earlier process left held (in the order they were held) and compacting the file. */
	public static open(options: HeldMessageSpoolOptions): { spool: HeldMessageSpool; restored: SpooledMessage[] } {
		if (!/^[\w.-]+$/.test(options.fileName)) throw new Error(`spool file name ${JSON.stringify(options.fileName)} must be letters, digits, '.', '-' or '_'`);
		mkdirSync(options.dir, { recursive: true });
		const spool = new HeldMessageSpool(options, join(options.dir, options.fileName));
		const restored = spool.#read();
		spool.#rewrite();
		return { spool, restored };
	}

	/** Where the spool is written. */
	public get path(): string {
		return this.#path;
	}

	/** Messages held now. */
	public get size(): number {
		return this.#live.size;
	}

	/** Writes a message down as held (again, when its progress changed). */
	public hold(message: SpooledMessage): void {
		const before = this.#live.get(message.received.id);
		if (before !== undefined && JSON.stringify(before) === JSON.stringify(message)) return;
		if (before !== undefined) this.#deadLines += 1;
		this.#live.set(message.received.id, message);
		this.#append({ kind: 'held', message });
	}

	/** Writes a message down as handled or given up: it is not replayed. */
	public release(messageId: string): void {
		if (!this.#live.delete(messageId)) return;
		this.#deadLines += 2;
		if (this.#live.size === 0) {
			// Nothing held: the file goes, and with it every tombstone.
			this.#pending.length = 0;
			this.#closeFile();
			rmSync(this.#path, { force: true });
			this.#deadLines = 0;
			return;
		}
		this.#append({ kind: 'done', id: messageId });
		if (this.#deadLines > (this.options.compactAfterLines ?? 10_000)) this.#rewrite();
	}

	/** Flushes what is pending and closes the file; what is still held stays in it for the next start. */
	public close(): void {
		if (this.#closed) return;
		this.#flush();
		this.#closed = true;
		this.#closeFile();
	}

	#read(): SpooledMessage[] {
		let text: string;
		try {
			text = readFileSync(this.#path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
			throw error;
		}
		const lines = text.split('\n').filter((line) => line.trim() !== '');
		for (const [index, line] of lines.entries()) {
			let parsed: ReturnType<typeof lineSchema.safeParse>;
			try {
				parsed = lineSchema.safeParse(JSON.parse(line));
			} catch {
				parsed = lineSchema.safeParse(undefined);
			}
			if (!parsed.success) {
				this.options.logger.warn({ path: this.#path, line: index + 1 }, 'skipped an unreadable line of the held-message spool (a write cut short by a crash?)');
				continue;
			}
			if (parsed.data.kind === 'held') this.#live.set(parsed.data.message.received.id, parsed.data.message);
			else this.#live.delete(parsed.data.id);
		}
		return [...this.#live.values()];
	}

	/** Replaces the file with one holding only the live messages (none: no file). */
	#rewrite(): void {
		this.#pending.length = 0;
		this.#closeFile();
		this.#deadLines = 0;
		if (this.#live.size === 0) {
			rmSync(this.#path, { force: true });
			return;
		}
		const next = `${this.#path}.next`;
		const fd = openSync(next, 'w');
		try {
			writeSync(fd, [...this.#live.values()].map((message) => `${JSON.stringify({ kind: 'held', message })}\n`).join(''));
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(next, this.#path);
	}

	#append(line: z.input<typeof lineSchema>): void {
		if (this.#closed) return;
		this.#pending.push(`${JSON.stringify(line)}\n`);
		if (this.#flushScheduled) return;
		this.#flushScheduled = true;
		// Every line of one tick in one write and one flush: a burst of held messages costs one fdatasync, not thousands.
		setImmediate(() => this.#flush());
	}

	#flush(): void {
		this.#flushScheduled = false;
		if (this.#pending.length === 0 || this.#closed) return;
		const text = this.#pending.join('');
		this.#pending.length = 0;
		try {
			this.#fd ??= openSync(this.#path, 'a');
			writeSync(this.#fd, text);
			fdatasyncSync(this.#fd);
		} catch (error) {
			// The messages are still held in memory; only a crash now would lose them, as before there was a spool.
			this.options.logger.error({ err: error, path: this.#path }, 'could not write the held-message spool');
		}
	}

	#closeFile(): void {
		if (this.#fd === undefined) return;
		closeSync(this.#fd);
		this.#fd = undefined;
	}
}
