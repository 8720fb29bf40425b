import type { ServerResponse } from 'node:http';

/** Cancels the generation of a client that went away, and every generation when the service must stop. */
export class RequestAborts {
	private readonly controllers = new Set<AbortController>();

	/** A signal that fires when the client disconnects before its answer is sent, or on {@link abortAll}. */
	public signalFor(response: ServerResponse): AbortSignal {
		const controller = new AbortController();
		if (response.destroyed) {
			controller.abort(new Error('client disconnected'));
			return controller.signal;
		}
		this.controllers.add(controller);
		response.once('close', () => {
			this.controllers.delete(controller);
			if (!response.writableFinished) controller.abort(new Error('client disconnected'));
		});
		return controller.signal;
	}

	/** Requests still generating. */
	public get size(): number {
		return this.controllers.size;
	}

	/** Aborts every request in flight. */
	public abortAll(reason: string): void {
		for (const controller of this.controllers) controller.abort(new Error(reason));
	}
}
