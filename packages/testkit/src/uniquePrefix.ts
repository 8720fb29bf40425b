import { randomBytes } from 'node:crypto';

/** A key prefix no other test shares, e.g. `t-3f9a1c2b`. */
export function uniquePrefix(label = 't'): string {
	return `${label}-${randomBytes(4).toString('hex')}`;
}
