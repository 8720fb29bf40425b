/** Thrown when `maxQueue` requests already wait; answered with Ollama's 503. */
export class QueueFullError extends Error {
	public constructor(public readonly maxQueue: number) {
		super('server busy, please try again.  maximum pending requests exceeded');
		this.name = 'QueueFullError';
	}
}
