import type { SimModelOptions } from '../options/OllamaSimOptions.js';
import { ModelRuntime, type ModelRuntimeEvents } from '../scheduling/ModelRuntime.js';
import { normalizeModelName } from './normalizeModelName.js';
import { resolveSimModel, type SimModelDefaults } from './resolveSimModel.js';
import type { SimModel } from './SimModel.js';

/** A model with its runner. */
export interface ModelEntry {
	readonly model: SimModel;
	readonly runtime: ModelRuntime;
}

/** Settings every model of a registry shares. */
export interface ModelRegistrySettings {
	readonly numParallel: number;
	readonly keepAliveMs: number;
	readonly defaults: SimModelDefaults;
	/** True for models the current behaviour has made vanish. */
	readonly isForgotten: (name: string) => boolean;
	readonly events: ModelRuntimeEvents;
}

/** The models a simulated host has pulled, and their runners. */
export class ModelRegistry {
	private readonly entries = new Map<string, ModelEntry>();

	public constructor(private readonly settings: ModelRegistrySettings) {}

	/** Adds a model (or returns the one already there under that name). */
	public add(input: string | SimModelOptions): ModelEntry {
		const model = resolveSimModel(input, this.settings.defaults);
		const existing = this.entries.get(model.name);
		if (existing) return existing;
		const entry = { model, runtime: new ModelRuntime(model, this.settings.numParallel, this.settings.keepAliveMs, this.settings.events) };
		this.entries.set(model.name, entry);
		return entry;
	}

	/** A visible model by any spelling of its name (`llama3.2` finds `llama3.2:latest`). */
	public find(name: string): ModelEntry | undefined {
		const normalized = normalizeModelName(name);
		return this.settings.isForgotten(normalized) ? undefined : this.entries.get(normalized);
	}

	/** Every visible model with its runner, in the order they were added. */
	public visible(): ModelEntry[] {
		return [...this.entries.values()].filter((entry) => !this.settings.isForgotten(entry.model.name));
	}

	/** Every visible model, most recently modified first, as `/api/tags` lists them. */
	public list(): SimModel[] {
		return this.visible()
			.map((entry) => entry.model)
			.sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime());
	}

	/** Visible models loaded now (expired ones are unloaded first). */
	public running(now: number): ModelEntry[] {
		return [...this.entries.values()].filter((entry) => {
			entry.runtime.refresh(now);
			return entry.runtime.state === 'loaded' && !this.settings.isForgotten(entry.model.name);
		});
	}

	/** Deletes a model; false when there was none. */
	public remove(name: string): boolean {
		const entry = this.find(name);
		if (!entry) return false;
		entry.runtime.dispose();
		return this.entries.delete(entry.model.name);
	}

	/** Gives a model a new digest and modification time, as a re-pull of an updated model would. */
	public setDigest(name: string, digest: string): void {
		const entry = this.entries.get(normalizeModelName(name));
		if (!entry) throw new Error(`setModelDigest: the simulator has no model ${JSON.stringify(name)}`);
		const hex = digest.replace(/^sha256:/, '');
		if (!/^[0-9a-f]{64}$/.test(hex))
			throw new Error(`setModelDigest: digest must be 64 lowercase hex characters (optionally after "sha256:"); got ${JSON.stringify(digest)}`);
		entry.model.digest = hex;
		entry.model.modifiedAt = new Date();
	}

	/** Stops loads in progress. */
	public dispose(): void {
		for (const entry of this.entries.values()) entry.runtime.dispose();
	}
}
