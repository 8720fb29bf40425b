import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

interface BullmqScript {
	readonly name: string;
	readonly content: string;
}

/** SHA1 → `bullmq <script>` for every Lua script BullMQ loads, so a MONITOR recording can name them. */
export function bullmqScriptNames(): Map<string, string> {
	// BullMQ's ESM build imports its scripts without file extensions, which Node's ESM loader refuses; the CJS one loads.
	const scripts = createRequire(import.meta.url)('bullmq/dist/cjs/scripts/index.js') as Record<string, BullmqScript>;
	return new Map(Object.values(scripts).map((script) => [createHash('sha1').update(script.content).digest('hex'), `bullmq ${script.name}`]));
}
