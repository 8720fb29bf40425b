import type { Logger } from '../logging/createLogger.js';

/** One step undoing something a start built (closing a connection, say). */
export type UndoStep = () => Promise<unknown> | unknown;

/** What a start built so far, undone in reverse order when the start fails. */
export class UndoStack {
	private readonly steps: UndoStep[] = [];

	public constructor(private readonly logger: Logger) {}

	/** Adds the undo of what was just built. */
	public push(step: UndoStep): void {
		this.steps.push(step);
	}

	/** Runs every step, last first; a step that fails is logged and the others still run. */
	public async undo(): Promise<void> {
		for (const step of this.steps.splice(0).reverse()) {
			try {
				await step();
			} catch (error) {
				this.logger.warn({ err: error }, 'cleanup after a failed start failed');
			}
		}
	}
}
