/**
 * A signal aborted when either of two is, with the first one's reason. Node 20's `AbortSignal.any` makes each signal
 * transferable between threads, which cost a tenth of the router's CPU on the LLM path; both signals here live no
 * longer than one host request, so plain listeners suffice.
 */
export function eitherSignal(first: AbortSignal, second: AbortSignal): AbortSignal {
	if (first.aborted) return first;
	if (second.aborted) return second;
	const controller = new AbortController();
	const abortWith = (source: AbortSignal) => () => {
		first.removeEventListener('abort', onFirst);
		second.removeEventListener('abort', onSecond);
		controller.abort(source.reason);
	};
	const onFirst = abortWith(first);
	const onSecond = abortWith(second);
	first.addEventListener('abort', onFirst, { once: true });
	second.addEventListener('abort', onSecond, { once: true });
	return controller.signal;
}
