import { type Clock, systemClock } from '@charbot/core';
import { ChannelSequencer } from './ChannelSequencer.js';
import type { MessageOutcome } from './MessageOutcome.js';

/** Why a held message was given up. */
export type GiveUpReason = 'too-old' | 'buffer-full' | 'shutdown';

/** A message given up, with what its holder passed along (e.g. where to apologise). */
export interface GivenUpMessage<Note> {
	readonly messageId: string;
	readonly channelId: string;
	readonly heldSince: number;
	readonly note: Note;
}

/** Options of {@link MessageRetryBuffer}. */
export interface MessageRetryBufferOptions<Note> {
	/** Most messages held at once; beyond it, the oldest are given up. */
	readonly maxMessages: number;
	/** How long a message is held at most before it is given up. */
	readonly maxAgeMs: number;
	/** The first retry comes this long after a failed one; each failed round doubles it up to `maxRetryDelayMs`. */
	readonly firstRetryDelayMs: number;
	readonly maxRetryDelayMs: number;
	/** Whether a failure means Redis could not be reached (hold and retry) rather than that the message is bad (fail now). */
	readonly isOutage: (error: unknown) => boolean;
	/** Called when messages are given up (their handling then rejects); its failures are the caller's. */
	readonly onGiveUp: (messages: readonly GivenUpMessage<Note>[], reason: GiveUpReason) => void;
	/** Called when the buffer goes from empty to holding messages (`true`) and back (`false`). */
	readonly onHolding?: (holding: boolean) => void;
	/** Where held messages are written down to outlive the process: told when one is held (again, after each failed try) and when it is let go. */
	readonly journal?: HeldMessageJournal<Note>;
	/** Time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/** Keeps a record of the held messages (e.g. {@link HeldMessageSpool}); its failures are its own. */
export interface HeldMessageJournal<Note> {
	held(message: GivenUpMessage<Note>): void;
	/** The message was handled, failed for good or given up. */
	released(messageId: string): void;
}

interface HeldMessage<Note> extends GivenUpMessage<Note> {
	readonly attempt: () => Promise<MessageOutcome>;
	readonly resolve: (outcome: MessageOutcome) => void;
	readonly reject: (error: unknown) => void;
	inFlight: boolean;
}

/** What a channel's turn produced: an outcome now, or a message held for later (wrapped, so the turn does not wait for it). */
type Turn = { readonly outcome: MessageOutcome } | { readonly later: Promise<MessageOutcome> };

/**
 * Runs message handling one channel at a time in arrival order, and holds the messages whose handling failed because Redis
 * was away: they are tried again in order, with backoff, once Redis answers (`retryNow`), bounded in count and age.
 * While a channel has held messages, its new messages queue behind them, so members are still answered in order.
 */
export class MessageRetryBuffer<Note> {
	readonly #sequencer = new ChannelSequencer();
	/** Every held message, oldest first. */
	readonly #held = new Set<HeldMessage<Note>>();
	readonly #byChannel = new Map<string, HeldMessage<Note>[]>();
	readonly #draining = new Set<string>();
	readonly #clock: Clock;
	#delayMs: number;
	#timer: NodeJS.Timeout | undefined;
	#closed = false;

	public constructor(private readonly options: MessageRetryBufferOptions<Note>) {
		this.#clock = options.clock ?? systemClock;
		this.#delayMs = options.firstRetryDelayMs;
	}

	/**
	 * Handles a message in its channel's turn: `attempt` runs now, or is held when the channel has held messages or it fails
	 * on a Redis outage. Resolves with the outcome of the try that worked; rejects when it failed otherwise or was given up.
	 */
	public run(channelId: string, messageId: string, note: Note, attempt: () => Promise<MessageOutcome>): Promise<MessageOutcome> {
		const turn = this.#sequencer.run(channelId, async (): Promise<Turn> => {
			if (this.#byChannel.has(channelId)) return { later: this.#hold(channelId, messageId, note, attempt) };
			try {
				return { outcome: await attempt() };
			} catch (error) {
				if (!this.options.isOutage(error)) throw error;
				return { later: this.#hold(channelId, messageId, note, attempt) };
			}
		});
		return turn.then((result) => ('outcome' in result ? result.outcome : result.later));
	}

	/**
	 * Holds a message an earlier process held (restored from its journal) without trying it first: it is tried with the
	 * others, in its channel's order, and new messages of its channel queue behind it. Settles like {@link run}.
	 */
	public restore(channelId: string, messageId: string, note: Note, heldSince: number, attempt: () => Promise<MessageOutcome>): Promise<MessageOutcome> {
		if ([...this.#held].some((held) => held.messageId === messageId)) return Promise.reject(new Error(`message ${messageId} is already held`));
		return this.#hold(channelId, messageId, note, attempt, heldSince);
	}

	/** Messages held now. */
	public get size(): number {
		return this.#held.size;
	}

	/** Tries the held messages at once (Redis is answering again). */
	public retryNow(): void {
		this.#delayMs = this.options.firstRetryDelayMs;
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#tick();
	}

	/** Gives up every held message not being tried right now, and holds no more. */
	public close(): void {
		this.#closed = true;
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#giveUp(
			[...this.#held].filter((held) => !held.inFlight),
			'shutdown',
		);
	}

	#hold(channelId: string, messageId: string, note: Note, attempt: () => Promise<MessageOutcome>, heldSince = this.#clock.now()): Promise<MessageOutcome> {
		if (this.#closed) return Promise.reject(new Error(`message ${messageId} arrived while the gateway was stopping and Redis was unavailable`));
		return new Promise((resolve, reject) => {
			const held: HeldMessage<Note> = { messageId, channelId, heldSince, note, attempt, resolve, reject, inFlight: false };
			this.#held.add(held);
			this.#journal('held', held);
			const queue = this.#byChannel.get(channelId);
			if (queue === undefined) this.#byChannel.set(channelId, [held]);
			else queue.push(held);
			if (this.#held.size === 1) this.options.onHolding?.(true);
			if (this.#held.size > this.options.maxMessages) {
				for (const oldest of this.#held) {
					if (oldest.inFlight) continue;
					this.#giveUp([oldest], 'buffer-full');
					break;
				}
			}
			this.#schedule();
		});
	}

	#schedule(): void {
		if (this.#closed || this.#timer !== undefined) return;
		const oldest = this.#held.values().next().value;
		if (oldest === undefined) return;
		const untilTooOld = oldest.heldSince + this.options.maxAgeMs - this.#clock.now();
		this.#timer = setTimeout(
			() => {
				this.#timer = undefined;
				this.#tick();
			},
			Math.max(0, Math.min(this.#delayMs, untilTooOld)),
		);
		this.#timer.unref();
	}

	#tick(): void {
		if (this.#closed) return;
		// Those that would be too old before the next round go now, with the rest of their burst: members given up together
		// hear about it together (one apology naming them), not one by one a few milliseconds apart.
		const tooOldBefore = this.#clock.now() - this.options.maxAgeMs + this.#delayMs;
		this.#giveUp(
			[...this.#held].filter((held) => !held.inFlight && held.heldSince <= tooOldBefore),
			'too-old',
		);
		const channels = [...this.#byChannel.keys()].filter((channelId) => !this.#draining.has(channelId));
		if (channels.length === 0) {
			this.#schedule();
			return;
		}
		void Promise.all(channels.map((channelId) => this.#drain(channelId))).then((drained) => {
			this.#delayMs = drained.every(Boolean) ? this.options.firstRetryDelayMs : Math.min(this.#delayMs * 2, this.options.maxRetryDelayMs);
			this.#schedule();
		});
	}

	/** Tries a channel's held messages in order; false when one failed on an outage again (the rest wait for the next round). */
	async #drain(channelId: string): Promise<boolean> {
		this.#draining.add(channelId);
		try {
			for (;;) {
				const head = this.#byChannel.get(channelId)?.[0];
				if (head === undefined || this.#closed) return true;
				head.inFlight = true;
				let result: { ok: true; outcome: MessageOutcome } | { ok: false; error: unknown };
				try {
					result = { ok: true, outcome: await this.#sequencer.run(channelId, head.attempt) };
				} catch (error) {
					result = { ok: false, error };
				} finally {
					head.inFlight = false;
				}
				if (!result.ok && this.options.isOutage(result.error)) {
					// Closed while this one was being tried: `close` gave up the others and holds no more.
					if (this.#closed) this.#giveUp([head], 'shutdown');
					// The try may have got further (a cooldown started): the journal keeps that, so a replay does not repeat it.
					else this.#journal('held', head);
					return false;
				}
				this.#forget(head);
				if (result.ok) head.resolve(result.outcome);
				else head.reject(result.error);
			}
		} finally {
			this.#draining.delete(channelId);
		}
	}

	#giveUp(messages: readonly HeldMessage<Note>[], reason: GiveUpReason): void {
		if (messages.length === 0) return;
		for (const held of messages) this.#forget(held);
		const heldFor = (held: HeldMessage<Note>) => Math.round((this.#clock.now() - held.heldSince) / 1000);
		for (const held of messages) {
			const why =
				reason === 'buffer-full'
					? `more than ${this.options.maxMessages} messages were waiting`
					: reason === 'shutdown'
						? 'the gateway is stopping'
						: 'it waited too long';
			held.reject(new Error(`gave up message ${held.messageId} after ${heldFor(held)} s waiting for Redis: ${why}`));
		}
		this.options.onGiveUp(
			messages.map(({ messageId, channelId, heldSince, note }) => ({ messageId, channelId, heldSince, note })),
			reason,
		);
	}

	#journal(event: 'held' | 'released', held: HeldMessage<Note>): void {
		const { journal } = this.options;
		if (journal === undefined) return;
		const { messageId, channelId, heldSince, note } = held;
		if (event === 'held') journal.held({ messageId, channelId, heldSince, note });
		else journal.released(messageId);
	}

	#forget(held: HeldMessage<Note>): void {
		if (!this.#held.delete(held)) return;
		this.#journal('released', held);
		const queue = this.#byChannel.get(held.channelId) ?? [];
		const index = queue.indexOf(held);
		if (index >= 0) queue.splice(index, 1);
		if (queue.length === 0) this.#byChannel.delete(held.channelId);
		if (this.#held.size === 0) this.options.onHolding?.(false);
	}
}
