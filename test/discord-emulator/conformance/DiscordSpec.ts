import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { type JsonSchema, type SpecException, specExceptions } from './specExceptions.js';

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on `.default`.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const specUrl = new URL('./spec/openapi.json', import.meta.url);
const specId = 'https://discord.com/api/v10/openapi.json';
const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** The outcome of one check: what is wrong (empty when it conforms) and which named exceptions it needed. */
export interface SpecVerdict {
	readonly problems: readonly string[];
	readonly exceptionsUsed: readonly string[];
}

/** One operation of the spec, found from a concrete request. */
export interface SpecOperation {
	readonly method: string;
	/** The spec's path template, e.g. `/channels/{channel_id}/messages`. */
	readonly template: string;
	readonly operationId: string;
	/** Values of the template's `{parameters}` in the concrete path. */
	readonly pathParams: Readonly<Record<string, string>>;
	readonly pointer: string;
	readonly definition: JsonSchema;
}

/** What a request sent, as the spec describes requests. */
export interface SpecRequest {
	readonly query: Readonly<Record<string, string>>;
	readonly body: unknown;
	/** `application/json` or `multipart/form-data` (whose `payload_json` is the body). */
	readonly contentType: 'application/json' | 'multipart/form-data' | null;
}

interface Template {
	readonly template: string;
	readonly segments: readonly string[];
}

/** Discord's vendored OpenAPI 3.1 spec, with validators for requests, responses and named component schemas. */
export class DiscordSpec {
	readonly #document: JsonSchema;
	readonly #templates: readonly Template[];
	/** Validators by exception set: `all` (every exception applied), `none` (the spec as published), or `without:<id>`. */
	readonly #validators = new Map<string, { ajv: Ajv2020; compiled: Map<string, ValidateFunction> }>();

	private constructor(document: JsonSchema) {
		this.#document = document;
		const paths = document.paths as Record<string, JsonSchema>;
		this.#templates = Object.keys(paths).map((template) => ({ template, segments: template.split('/').filter(Boolean) }));
	}

	/** Reads `spec/openapi.json`. */
	public static load(): DiscordSpec {
		return new DiscordSpec(JSON.parse(readFileSync(specUrl, 'utf8')) as JsonSchema);
	}

	/** The spec's `info.title` and `openapi` version, for reports. */
	public get title(): string {
		const info = this.#document.info as { title?: string; version?: string };
		return `${info.title ?? 'Discord HTTP API'} v${info.version ?? '?'} (OpenAPI ${String(this.#document.openapi)})`;
	}

	/** The operation a concrete `METHOD /path` (no `/api/v10`, no query) falls under; literal segments beat parameters, as Discord routes them. */
	public findOperation(method: string, path: string): SpecOperation | undefined {
		const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
		let best: { template: Template; literals: number; params: Record<string, string> } | undefined;
		for (const template of this.#templates) {
			if (template.segments.length !== parts.length) continue;
			const params: Record<string, string> = {};
			let literals = 0;
			const fits = template.segments.every((segment, index) => {
				const part = parts[index] ?? '';
				const parameter = /^\{(.+)\}$/.exec(segment);
				if (parameter) {
					params[parameter[1] ?? ''] = part;
					return true;
				}
				literals += 1;
				return segment === part;
			});
			if (fits && (!best || literals > best.literals)) best = { template, literals, params };
		}
		const lower = method.toLowerCase() as (typeof methods)[number];
		if (!best || !methods.includes(lower)) return undefined;
		const definition = (this.#document.paths as Record<string, JsonSchema>)[best.template.template]?.[lower] as JsonSchema | undefined;
		if (!definition) return undefined;
		return {
			method: lower,
			template: best.template.template,
			operationId: String(definition.operationId ?? `${lower} ${best.template.template}`),
			pathParams: best.params,
			pointer: `/paths/${escapePointer(best.template.template)}/${lower}`,
			definition,
		};
	}

	/** Checks path parameters, query parameters and the body of a request against the operation. */
	public checkRequest(operation: SpecOperation, request: SpecRequest): SpecVerdict {
		const problems: string[] = [];
		const pathLevel = ((this.#document.paths as Record<string, JsonSchema>)[operation.template]?.parameters ?? []) as JsonSchema[];
		const opLevel = (operation.definition.parameters ?? []) as JsonSchema[];
		const parameters = [
			...pathLevel.map((parameter, index) => ({ parameter, pointer: `/paths/${escapePointer(operation.template)}/parameters/${index}/schema` })),
			...opLevel.map((parameter, index) => ({ parameter, pointer: `${operation.pointer}/parameters/${index}/schema` })),
		];
		const checkParameter = (where: 'path' | 'query', name: string, value: string) => {
			const found = parameters.find(({ parameter }) => parameter.in === where && parameter.name === name);
			if (!found) return problems.push(`${where} parameter ${name} is not in the spec for ${operation.operationId}`);
			const coerced = coerceParameter(this.#resolve(found.parameter.schema as JsonSchema | undefined), value);
			for (const problem of this.#validate('all', found.pointer, coerced)) problems.push(`${where} parameter ${name}=${value}: ${problem}`);
			return undefined;
		};
		for (const [name, value] of Object.entries(operation.pathParams)) checkParameter('path', name, value);
		for (const [name, value] of Object.entries(request.query)) checkParameter('query', name, value);
		for (const { parameter } of parameters) {
			if (parameter.in === 'query' && parameter.required === true && request.query[String(parameter.name)] === undefined)
				problems.push(`required query parameter ${String(parameter.name)} is missing`);
		}

		const requestBody = operation.definition.requestBody as { content?: Record<string, unknown>; required?: boolean } | undefined;
		if (request.contentType === null) {
			if (requestBody?.required === true) problems.push(`${operation.operationId} requires a request body`);
			return { problems, exceptionsUsed: [] };
		}
		if (!requestBody?.content?.[request.contentType]) {
			problems.push(`${operation.operationId} takes no ${request.contentType} body`);
			return { problems, exceptionsUsed: [] };
		}
		const verdict = this.#check(`${operation.pointer}/requestBody/content/${escapePointer(request.contentType)}/schema`, request.body);
		return { problems: [...problems, ...verdict.problems.map((problem) => `request body: ${problem}`)], exceptionsUsed: verdict.exceptionsUsed };
	}

	/** Checks a response status and body against the operation's response for that status (exact, then `4XX`-style, then `default`). */
	public checkResponse(operation: SpecOperation, status: number, body: unknown): SpecVerdict {
		const responses = (operation.definition.responses ?? {}) as Record<string, JsonSchema>;
		const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => responses[candidate] !== undefined);
		if (key === undefined) return { problems: [`the spec lists no ${status} response for ${operation.operationId}`], exceptionsUsed: [] };
		let pointer = `${operation.pointer}/responses/${key}`;
		let response = responses[key] ?? {};
		if (typeof response.$ref === 'string') {
			pointer = response.$ref.slice(1);
			response = resolvePointer(this.#document, pointer) as JsonSchema;
		}
		const content = response.content as Record<string, unknown> | undefined;
		if (!content) return { problems: body === undefined ? [] : [`the spec's ${key} response has no body, the emulator sent one`], exceptionsUsed: [] };
		if (!content['application/json']) return { problems: [`the spec's ${key} response is not JSON`], exceptionsUsed: [] };
		if (body === undefined) return { problems: [`the spec's ${key} response has a JSON body, the emulator sent none`], exceptionsUsed: [] };
		const verdict = this.#check(`${pointer}/content/application~1json/schema`, body);
		return { problems: verdict.problems.map((problem) => `response ${status}: ${problem}`), exceptionsUsed: verdict.exceptionsUsed };
	}

	/** Checks a value against `components.schemas.<name>`, e.g. a gateway dispatch against the REST object it mirrors. */
	public checkSchema(name: string, value: unknown): SpecVerdict {
		if (!(this.#document.components as { schemas: JsonSchema }).schemas[name]) return { problems: [`the spec has no schema ${name}`], exceptionsUsed: [] };
		return this.#check(`/components/schemas/${escapePointer(name)}`, value);
	}

	/** A schema with its top-level `$ref` followed (query values are strings and are coerced by the type it names). */
	#resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
		return typeof schema?.$ref === 'string' ? (resolvePointer(this.#document, schema.$ref.slice(1)) as JsonSchema) : schema;
	}

	/** Validates with every exception applied; when that passes but the published spec fails, finds which exceptions made the difference. */
	#check(pointer: string, value: unknown): SpecVerdict {
		const problems = this.#validate('all', pointer, value);
		if (problems.length > 0 || this.#validate('none', pointer, value).length === 0) return { problems, exceptionsUsed: [] };
		const exceptionsUsed = specExceptions.filter((exception) => this.#validate(`without:${exception.id}`, pointer, value).length > 0).map((e) => e.id);
		return { problems: exceptionsUsed.length > 0 ? [] : ['passes only with several exceptions together; split them'], exceptionsUsed };
	}

	#validate(set: string, pointer: string, value: unknown): string[] {
		const validators = this.#validatorsFor(set);
		let validate = validators.compiled.get(pointer);
		if (!validate) {
			validate = validators.ajv.compile({ $ref: `${specId}#${pointer}` });
			validators.compiled.set(pointer, validate);
		}
		if (validate(value)) return [];
		return summarize(validate.errors ?? []);
	}

	#validatorsFor(set: string) {
		const existing = this.#validators.get(set);
		if (existing) return existing;
		const applied: readonly SpecException[] =
			set === 'all' ? specExceptions : set === 'none' ? [] : specExceptions.filter((exception) => `without:${exception.id}` !== set);
		const document = structuredClone(this.#document);
		const schemas = (document.components as { schemas: Record<string, JsonSchema> }).schemas;
		for (const exception of applied) exception.patch(schemas);
		// strict: false because an OpenAPI document carries keywords JSON Schema does not know (x-discord-union, paths, ...).
		const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
		addFormats(ajv);
		ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
		ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
		ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
		ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
		// `nonce` marks an integer-or-string client value; the schema's own type already constrains it.
		ajv.addFormat('nonce', true);
		ajv.addSchema({ ...document, $id: specId });
		const created = { ajv, compiled: new Map<string, ValidateFunction>() };
		this.#validators.set(set, created);
		return created;
	}
}

/** ajv's errors as short lines, most useful first: missing and mistyped fields before the noise of unmatched `oneOf` branches. */
function summarize(errors: readonly ErrorObject[]): string[] {
	const rank = (error: ErrorObject) => (error.keyword === 'required' ? 0 : error.keyword === 'oneOf' || error.keyword === 'anyOf' ? 2 : 1);
	const lines = [...errors].sort((a, b) => rank(a) - rank(b)).map((error) => `${error.instancePath || '(root)'} ${error.message ?? error.keyword}`);
	const unique = [...new Set(lines)];
	return unique.length > 12 ? [...unique.slice(0, 12), `... and ${unique.length - 12} more`] : unique;
}

function coerceParameter(schema: JsonSchema | undefined, value: string): unknown {
	const type = schema?.type;
	if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
	if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
	return value;
}

function escapePointer(segment: string): string {
	return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function resolvePointer(document: unknown, pointer: string): unknown {
	let node = document;
	for (const part of pointer.split('/').slice(1)) node = (node as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
	return node;
}
