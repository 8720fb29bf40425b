import { normalizeModelName } from '../models/normalizeModelName.js';
import type { SimScript, SimScriptContext } from './SimScript.js';

interface ScriptEntry {
	readonly script: SimScript;
	remaining: number;
}

/** The scripted replies of one simulator, tried in the order they were added. */
export class ScriptBook {
	private entries: ScriptEntry[] = [];

	/** Adds a script after the existing ones. */
	public add(script: SimScript): void {
		if (script.times !== undefined && (!Number.isInteger(script.times) || script.times < 1)) {
			throw new RangeError(`SimScript times must be a whole number of at least 1; got ${script.times}`);
		}
		this.entries.push({ script, remaining: script.times ?? Number.POSITIVE_INFINITY });
	}

	/** Removes every script. */
	public clear(): void {
		this.entries = [];
	}

	/** How many scripts still have uses left. */
	public get size(): number {
		return this.entries.length;
	}

	/** The reply of the first script that fits, using one of its turns; undefined when none fits. */
	public take(context: SimScriptContext): string | undefined {
		const model = normalizeModelName(context.model);
		const index = this.entries.findIndex((entry) => fits(entry.script, model, context.lastUserMessage));
		const entry = this.entries[index];
		if (entry === undefined) return undefined;
		entry.remaining -= 1;
		if (entry.remaining <= 0) this.entries.splice(index, 1);
		const { reply } = entry.script;
		return typeof reply === 'string' ? reply : reply(context);
	}
}

function fits(script: SimScript, model: string, lastUserMessage: string): boolean {
	if (script.model !== undefined && normalizeModelName(script.model) !== model) return false;
	if (typeof script.match === 'string') return lastUserMessage.toLowerCase().includes(script.match.toLowerCase());
	// A global or sticky RegExp keeps lastIndex between calls; reset it so a script matches the same way every time.
	script.match.lastIndex = 0;
	return script.match.test(lastUserMessage);
}
