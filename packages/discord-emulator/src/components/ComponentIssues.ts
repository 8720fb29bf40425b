import { DiscordApiFailure, type FieldError } from '../errors/DiscordApiFailure.js';

/** Collects 50035 field errors by dotted path while a component tree is checked, so one response names every problem. */
export class ComponentIssues {
	readonly #fields: Record<string, FieldError[]> = {};

	/** Records an error at a path such as `components.0.components.1.custom_id`. */
	public add(path: string, code: string, message: string): void {
		const list = this.#fields[path] ?? [];
		list.push({ code, message });
		this.#fields[path] = list;
	}

	/** `Must be N or fewer in length.` */
	public tooLong(path: string, max: number): void {
		this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
	}

	/** `This field is required` */
	public required(path: string): void {
		this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
	}

	/** Checks an optional string field's type and length; returns it when valid. */
	public optionalString(path: string, value: unknown, max: number, min = 0): string | undefined {
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'string') {
			this.add(path, 'BASE_TYPE_STRING', 'Must be a valid string.');
			return undefined;
		}
		if (value.length < min || value.length > max) {
			if (min > 0) this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
			else this.tooLong(path, max);
			return undefined;
		}
		return value;
	}

	/** Checks an optional integer within bounds; returns it when valid. */
	public optionalInteger(path: string, value: unknown, min: number, max: number): number | undefined {
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'number' || !Number.isInteger(value)) {
			this.add(path, 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not int.`);
			return undefined;
		}
		if (value < min) this.add(path, 'NUMBER_TYPE_MIN', `int value should be greater than or equal to ${min}.`);
		else if (value > max) this.add(path, 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${max}.`);
		else return value;
		return undefined;
	}

	/** Checks an optional boolean; returns it when valid. */
	public optionalBoolean(path: string, value: unknown): boolean | undefined {
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'boolean') {
			this.add(path, 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
			return undefined;
		}
		return value;
	}

	/** The value as a plain object, or an error at `path`. */
	public object(path: string, value: unknown): Record<string, unknown> | undefined {
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
		this.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
		return undefined;
	}

	/** The 50035 Invalid Form Body for everything recorded, or null when nothing was. */
	public failure(): DiscordApiFailure | null {
		return Object.keys(this.#fields).length > 0 ? DiscordApiFailure.invalidFormBody(this.#fields) : null;
	}
}
