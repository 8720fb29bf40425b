/**
 * Runs tasks of one channel one after another, in the order they were submitted, while channels run in parallel.
 * Messages of a channel are then recorded and checked against cooldowns in the order Discord sent them.
 */
export class ChannelSequencer {
	readonly #tails = new Map<string, Promise<unknown>>();

	/** Runs `task` after every earlier task of `channelId` settled; resolves or rejects with its result. */
	public run<T>(channelId: string, task: () => Promise<T>): Promise<T> {
		const previous = this.#tails.get(channelId) ?? Promise.resolve();
		const current = previous.then(task, task);
		const tail = current.catch(() => undefined);
		this.#tails.set(channelId, tail);
		void tail.then(() => {
			if (this.#tails.get(channelId) === tail) this.#tails.delete(channelId);
		});
		return current;
	}

	/** Channels with a task running or waiting. */
	public get size(): number {
		return this.#tails.size;
	}
}
