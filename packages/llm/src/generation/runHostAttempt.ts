import { LlmError, UpstreamError } from '../errors/LlmError.js';

/** What bounds one attempt on one host (a `HostChatRequest` is one). */
export interface AttemptBounds {
	readonly host: string;
	readonly firstTokenTimeoutMs: number;
	readonly totalTimeoutMs: number;
	readonly signal?: AbortSignal;
	readonly onFirstToken?: (firstTokenMs: number) => void;
}

/** What one host call sees of its attempt: the signal to pass on, and the first-token mark. */
export interface AttemptControl {
	/** Aborted by the first-token or total timeout, or by the caller's signal. */
	readonly signal: AbortSignal;
	/** Marks the first token (once): stops the first-token timer, reports it, and returns the ms since the request was sent. */
	firstToken(): number;
}

/**
 * Runs one call to one host within the request's first-token and total timeouts and its caller's signal, for every
 * host API alike: a cancelled call is `aborted`, a timed-out one an `UpstreamError` naming the timeout, and any other
 * failure whatever `classify` sorts it into.
 */
export async function runHostAttempt<T>(
	request: AttemptBounds,
	call: (control: AttemptControl) => Promise<T>,
	classify: (error: unknown) => LlmError,
): Promise<T> {
	const controller = new AbortController();
	let timedOut: string | undefined;
	const abortWith = (reason: string) => {
		timedOut ??= reason;
		controller.abort();
	};
	const sentAt = performance.now();
	let firstTokenMs: number | undefined;
	const firstTokenTimer = setTimeout(() => abortWith(`no first token within ${request.firstTokenTimeoutMs} ms`), request.firstTokenTimeoutMs);
	const totalTimer = setTimeout(() => abortWith(`not finished within ${request.totalTimeoutMs} ms`), request.totalTimeoutMs);
	const onCallerAbort = () => controller.abort();
	request.signal?.addEventListener('abort', onCallerAbort, { once: true });
	const firstToken = (): number => {
		if (firstTokenMs === undefined) {
			clearTimeout(firstTokenTimer);
			firstTokenMs = performance.now() - sentAt;
			request.onFirstToken?.(firstTokenMs);
		}
		return firstTokenMs;
	};
	try {
		return await call({ signal: controller.signal, firstToken });
	} catch (error) {
		if (request.signal?.aborted) throw new LlmError('aborted', 'request cancelled by its caller', false, { cause: error });
		if (timedOut !== undefined) throw new UpstreamError(request.host, timedOut, { cause: error });
		throw classify(error);
	} finally {
		clearTimeout(firstTokenTimer);
		clearTimeout(totalTimer);
		request.signal?.removeEventListener('abort', onCallerAbort);
	}
}
