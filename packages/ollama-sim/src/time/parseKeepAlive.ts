import { parseGoDuration } from './parseGoDuration.js';

/**
 * Reads a request's `keep_alive` the way Ollama does: a number is seconds, a string is a Go duration
 * (`"5m"`, `"1h"`, `"0"`), anything negative means "keep loaded forever" (returned as Infinity), and
 * undefined means "use the server default". Returns milliseconds; throws Ollama's texts for bad values.
 */
export function parseKeepAlive(value: unknown): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`Unsupported type: '${typeof value}'`);
		return value < 0 ? Number.POSITIVE_INFINITY : value * 1000;
	}
	if (typeof value === 'string') {
		const ms = parseGoDuration(value);
		return ms < 0 ? Number.POSITIVE_INFINITY : ms;
	}
	const kind = Array.isArray(value) ? '[]interface {}' : typeof value === 'object' ? 'map[string]interface {}' : typeof value;
	throw new Error(`Unsupported type: '${kind}'`);
}
