import { z } from 'zod';

/** An option that must be a whole number of at least `minimum`, with that sentence as its error. */
export function wholeNumberOption(minimum: number) {
	const message = `must be a whole number of at least ${minimum}`;
	return z.number({ error: message }).int({ error: message }).min(minimum, { error: message });
}
