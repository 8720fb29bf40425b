/**
 * Wraps a pure function of a string so it remembers its latest call: the scorers of one reply each normalize the
 * same reply, and only the first pays for it.
 */
export function memoizeLast<T>(compute: (text: string) => T): (text: string) => T {
	let last: { readonly text: string; readonly value: T } | undefined;
	return (text: string): T => {
		if (last?.text !== text) last = { text, value: compute(text) };
		return last.value;
	};
}
