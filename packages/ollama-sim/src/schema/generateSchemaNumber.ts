import type { Random } from '../text/createRandom.js';

/**
 * A number within a JSON schema's `minimum`/`maximum` (inclusive), `exclusiveMinimum`/`exclusiveMaximum`
 * (numbers, or draft-4 booleans) and `multipleOf`; whole when `integer`. Unbounded sides get a span of 10.
 */
export function generateSchemaNumber(schema: Readonly<Record<string, unknown>>, random: Random, integer: boolean): number {
	const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
	let low = num(schema.minimum);
	let high = num(schema.maximum);
	let lowOpen = schema.exclusiveMinimum === true;
	let highOpen = schema.exclusiveMaximum === true;
	const exclusiveMin = num(schema.exclusiveMinimum);
	const exclusiveMax = num(schema.exclusiveMaximum);
	if (exclusiveMin !== undefined && (low === undefined || exclusiveMin >= low)) [low, lowOpen] = [exclusiveMin, true];
	if (exclusiveMax !== undefined && (high === undefined || exclusiveMax <= high)) [high, highOpen] = [exclusiveMax, true];
	const defaultSpan = integer ? 10 : 1;
	const from = low ?? (high === undefined ? 0 : high - defaultSpan);
	const to = high ?? from + defaultSpan;
	const step = num(schema.multipleOf) ?? (integer ? 1 : undefined);
	if (step !== undefined && step > 0) {
		let first = Math.ceil(from / step);
		let last = Math.floor(to / step);
		if (lowOpen && first * step <= from) first += 1;
		if (highOpen && last * step >= to) last -= 1;
		if (last < first) return round(from);
		return round(random.between(first, last) * step);
	}
	const value = round(from + random.next() * (to - from), 2);
	const inside = (candidate: number) => (lowOpen ? candidate > from : candidate >= from) && (highOpen ? candidate < to : candidate <= to);
	return inside(value) ? value : (from + to) / 2;
}

// Keeps 0.1 × 3 from printing as 0.30000000000000004.
function round(value: number, digits = 10): number {
	return Number(value.toFixed(digits));
}
