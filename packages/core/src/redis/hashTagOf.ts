/**
 * What decides a key's Redis Cluster slot: the text between its first `{` and the next `}` when that is not empty (its
 * hash tag), else the whole key. Keys with the same answer share a slot, so one transaction or script may touch them.
 */
export function hashTagOf(key: string): string {
	const open = key.indexOf('{');
	if (open === -1) return key;
	const close = key.indexOf('}', open + 1);
	return close > open + 1 ? key.slice(open + 1, close) : key;
}
