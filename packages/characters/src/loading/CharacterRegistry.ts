import { type FSWatcher, watch } from 'node:fs';
import { type CharacterProblem, createCharacterProblem } from '../persona/CharacterProblem.js';
import type { Persona } from '../persona/personaSchema.js';
import type { LoadedCharacter } from './LoadedCharacter.js';
import { listPersonaFiles } from './listPersonaFiles.js';
import { loadCharacterFile } from './loadCharacterFile.js';
import { describeFolderError } from './loadCharacters.js';
import { resolveDuplicateIds } from './resolveDuplicateIds.js';

/** Which character ids a reload added, changed or removed. */
export interface CharacterChange {
	readonly added: readonly string[];
	readonly updated: readonly string[];
	readonly removed: readonly string[];
}

/** Options of {@link CharacterRegistry.open}. */
export interface CharacterRegistryOptions {
	/** The persona folder; the app passes `resolveFromRoot(config.CHARACTERS_DIR)`. */
	readonly dir: string;
	/** Quiet time after the last file event before the folder is read again. */
	readonly debounceMs?: number;
	/** `false` loads once and never watches. */
	readonly watch?: boolean;
	/** Called once for each new problem; defaults to `console.warn`. */
	readonly onProblem?: (problem: CharacterProblem) => void;
	/** Called after a reload that changed at least one character. */
	readonly onChange?: (change: CharacterChange) => void;
}

/** Defaults of {@link CharacterRegistryOptions}. */
export const DefaultCharacterRegistryOptions = {
	debounceMs: 150,
	watch: true,
} as const satisfies Required<Pick<CharacterRegistryOptions, 'debounceMs' | 'watch'>>;

/**
 * The live set of characters of a folder. Watches it: a changed, new or deleted file takes effect without a
 * restart; a broken file is reported and the last good version of its character keeps working.
 */
export class CharacterRegistry {
	readonly #options: CharacterRegistryOptions;
	#byId = new Map<string, LoadedCharacter>();
	readonly #lastGoodByFile = new Map<string, Persona>();
	#problems: readonly CharacterProblem[] = [];
	#watcher: FSWatcher | undefined;
	#timer: NodeJS.Timeout | undefined;
	#queue: Promise<void> = Promise.resolve();
	#closed = false;

	private constructor(options: CharacterRegistryOptions) {
		this.#options = options;
	}

	/** Loads the folder, then watches it unless `watch` is false. Throws only when the folder cannot be watched. */
	public static async open(options: CharacterRegistryOptions): Promise<CharacterRegistry> {
		if (options.debounceMs !== undefined && !(options.debounceMs >= 0)) throw new RangeError(`debounceMs must be 0 or more, got ${options.debounceMs}`);
		const registry = new CharacterRegistry(options);
		await registry.reload();
		if (!(options.watch ?? DefaultCharacterRegistryOptions.watch)) return registry;
		try {
			registry.#startWatching();
		} catch (error) {
			throw new Error(`Cannot watch the persona folder ${options.dir}: ${describeFolderError(error)}`, { cause: error });
		}
		return registry;
	}

	/** The persona folder this registry loads and watches. */
	public get dir(): string {
		return this.#options.dir;
	}

	/** The character with this id, or undefined. */
	public get(id: string): Persona | undefined {
		return this.#byId.get(id)?.persona;
	}

	/** Every loaded character, ordered by id. */
	public list(): Persona[] {
		return [...this.#byId.values()].map((entry) => entry.persona).sort((a, b) => a.id.localeCompare(b.id));
	}

	/** Every loaded character with its file. */
	public entries(): LoadedCharacter[] {
		return [...this.#byId.values()];
	}

	/** The problems of the latest reload (a broken file stays listed until it is fixed). */
	public problems(): readonly CharacterProblem[] {
		return this.#problems;
	}

	/** Reads the folder again now; reloads never overlap. */
	public reload(): Promise<void> {
		this.#queue = this.#queue
			.then(() => this.#rescan())
			.catch((error: unknown) => this.#report([createCharacterProblem(this.#options.dir, '(folder)', `reload failed: ${String(error)}`)]));
		return this.#queue;
	}

	/** Stops watching. */
	public close(): void {
		this.#closed = true;
		clearTimeout(this.#timer);
		this.#watcher?.close();
		this.#watcher = undefined;
	}

	#startWatching(): void {
		const debounceMs = this.#options.debounceMs ?? DefaultCharacterRegistryOptions.debounceMs;
		// Not persistent: the registry alone must not keep a process alive. Every event counts, not only persona file
		// names: a Kubernetes ConfigMap update only swaps a hidden `..data` link, and a rescan is cheap.
		this.#watcher = watch(this.#options.dir, { persistent: false }, () => {
			if (this.#closed) return;
			clearTimeout(this.#timer);
			this.#timer = setTimeout(() => void this.reload(), debounceMs);
		});
		this.#watcher.on('error', (error) => this.#report([createCharacterProblem(this.#options.dir, '(folder)', `watching stopped: ${error.message}`)]));
	}

	async #rescan(): Promise<void> {
		if (this.#closed) return;
		let files: string[];
		try {
			files = await listPersonaFiles(this.#options.dir);
		} catch (error) {
			this.#report([createCharacterProblem(this.#options.dir, '(folder)', `${describeFolderError(error)}; keeping the characters loaded before`)]);
			return;
		}
		const candidates: LoadedCharacter[] = [];
		const problems: CharacterProblem[] = [];
		const results = await Promise.all(files.map((file) => loadCharacterFile(file)));
		for (const [index, result] of results.entries()) {
			const file = files[index] as string;
			if (result.ok) {
				this.#lastGoodByFile.set(file, result.persona);
				candidates.push({ persona: result.persona, file });
				continue;
			}
			problems.push(...result.problems);
			const previous = this.#lastGoodByFile.get(file);
			if (previous !== undefined) candidates.push({ persona: previous, file });
		}
		for (const file of this.#lastGoodByFile.keys()) if (!files.includes(file)) this.#lastGoodByFile.delete(file);

		const holders = new Map([...this.#byId].map(([id, entry]) => [id, entry.file]));
		const resolved = resolveDuplicateIds(candidates, holders);
		const next = new Map(resolved.characters.map((entry) => [entry.persona.id, entry]));
		const change = diff(this.#byId, next);
		this.#byId = next;
		this.#report([...problems, ...resolved.problems]);
		const onChange = this.#options.onChange;
		if (onChange !== undefined && change.added.length + change.updated.length + change.removed.length > 0) notify(() => onChange(change));
	}

	/** Records the current problems and announces only those not already announced. */
	#report(problems: readonly CharacterProblem[]): void {
		const known = new Set(this.#problems.map((problem) => problem.message));
		this.#problems = problems;
		const onProblem = this.#options.onProblem ?? ((problem: CharacterProblem) => console.warn(problem.message));
		for (const problem of problems) if (!known.has(problem.message)) notify(() => onProblem(problem));
	}
}

/** Runs a listener so that its failure is seen but never stops a reload. */
function notify(listener: () => void): void {
	try {
		listener();
	} catch (error) {
		console.error('A CharacterRegistry listener failed:', error);
	}
}

function diff(before: ReadonlyMap<string, LoadedCharacter>, after: ReadonlyMap<string, LoadedCharacter>): CharacterChange {
	const added: string[] = [];
	const updated: string[] = [];
	for (const [id, entry] of after) {
		const old = before.get(id);
		if (old === undefined) added.push(id);
		else if (old.file !== entry.file || JSON.stringify(old.persona) !== JSON.stringify(entry.persona)) updated.push(id);
	}
	const removed = [...before.keys()].filter((id) => !after.has(id));
	return { added, updated, removed };
}
