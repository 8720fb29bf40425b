/** The ollama client's thrown error (its ResponseError class is not exported, so tests read `name` and `status_code`). */
export interface ClientError extends Error {
	status_code?: number;
	cause?: { code?: string; message?: string };
}

/** Awaits a promise that must reject and returns what it threw. */
export async function captureError(promise: Promise<unknown>): Promise<ClientError> {
	try {
		await promise;
	} catch (error) {
		return error as ClientError;
	}
	throw new Error('expected the call to fail, but it succeeded');
}
