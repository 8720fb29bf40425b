/** A part of a key: ids are digits, names are checked so a key can never be forged by input. */
type KeyPart = string | number;

const safePart = /^[A-Za-z0-9_.@-]{1,100}$/;

/**
 * Builds every Redis key charbot writes, namespaced as `{prefix}:{scope}:...`. Keys of one guild share
 * the `{prefix}:g:{guild}` stem, so a Redis Cluster hash tag can be added here alone.
 */
export class Keyspace {
	public constructor(public readonly prefix: string) {
		if (!safePart.test(prefix)) throw new Error(`Keyspace prefix ${JSON.stringify(prefix)} must be 1-100 of A-Z a-z 0-9 _ . @ -`);
	}

	/** The BullMQ `prefix` option of every queue, so queues share the deployment's namespace. */
	public queuePrefix(): string {
		return `${this.prefix}:q`;
	}

	/** A key of the whole deployment, e.g. `charbot:llm:cache:...`. */
	public global(...parts: KeyPart[]): string {
		return [this.prefix, ...parts.map(checkPart)].join(':');
	}

	/** A key of one guild (or `dm` for direct messages). */
	public guild(guildId: string | null, ...parts: KeyPart[]): string {
		return [this.prefix, 'g', checkPart(guildId ?? 'dm'), ...parts.map(checkPart)].join(':');
	}
}

function checkPart(part: KeyPart): string {
	const text = String(part);
	if (!safePart.test(text)) throw new Error(`Redis key part ${JSON.stringify(text.slice(0, 40))} must be 1-100 of A-Z a-z 0-9 _ . @ -`);
	return text;
}
