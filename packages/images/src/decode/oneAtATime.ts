let last: Promise<unknown> = Promise.resolve();

/** Runs decodes one after another in this process: on a two-core machine, two large images at once would take both cores. */
export function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
	const next = last.then(task);
	last = next.then(
		() => undefined,
		() => undefined,
	);
	return next;
}
