/** A JSON schema as the spec writes it. */
export type JsonSchema = Record<string, unknown>;

/** One place where Discord's OpenAPI spec contradicts the documented (and real) wire format, and how the test corrects it. */
export interface SpecException {
	/** Stable name, shown in failures and in the report. */
	readonly id: string;
	/** The spec schema the correction touches. */
	readonly schema: string;
	/** What the wire carries that the spec does not allow, and why we follow the wire. */
	readonly why: string;
	/** Discord's documentation of the wire format. */
	readonly documentedAt: string;
	/** Corrects a copy of `components.schemas`; throws when the spec no longer has the shape this correction expects. */
	readonly patch: (schemas: Record<string, JsonSchema>) => void;
}

/** The known differences, all of them: the conformance test validates against the spec with exactly these corrections. */
export const specExceptions: readonly SpecException[] = [
	{
		id: 'field-error-codes-are-strings',
		schema: 'InnerErrors',
		why:
			'A 50035 Invalid Form Body lists each field error as `{ code: "BASE_TYPE_REQUIRED", message }`: the code is a string. ' +
			'The spec reuses its top-level `Error` object (integer `code`) for these entries, so every real 50035 body fails it.',
		documentedAt: 'https://discord.com/developers/docs/reference#error-messages',
		patch: (schemas) => {
			const items = expectPath(schemas, ['InnerErrors', 'properties', '_errors', 'items']);
			if (items.$ref !== '#/components/schemas/Error') throw new Error('InnerErrors._errors.items is no longer a $ref to Error; review this exception');
			const errors = expectPath(schemas, ['InnerErrors', 'properties', '_errors']);
			errors.items = {
				type: 'object',
				properties: { code: { type: 'string' }, message: { type: 'string' } },
				required: ['code', 'message'],
			};
		},
	},
	{
		id: 'rate-limit-code-is-optional',
		schema: 'RatelimitedResponse',
		why:
			'The documented 429 body is `{ message, retry_after, global }` with no `code`, and discord.js does not read one. ' +
			'The spec builds RatelimitedResponse from `Error`, which requires `code`, so the documented body fails it.',
		documentedAt: 'https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit',
		patch: (schemas) => {
			const allOf = expectPath(schemas, ['RatelimitedResponse']).allOf;
			if (!Array.isArray(allOf) || (allOf[0] as JsonSchema | undefined)?.$ref !== '#/components/schemas/Error')
				throw new Error('RatelimitedResponse no longer starts with allOf Error; review this exception');
			allOf[0] = {
				type: 'object',
				properties: { code: { type: 'integer' }, message: { type: 'string' } },
				required: ['message'],
			};
		},
	},
	{
		id: 'command-permissions-are-strings',
		schema: 'ApplicationCommandCreateRequest, ApplicationCommandUpdateRequest',
		why:
			'`default_member_permissions` of a command registration is documented as a ?string bit set (discord.js sends `"32"`), ' +
			'and the spec itself answers it as a string; its request schemas allow only an integer.',
		documentedAt: 'https://discord.com/developers/docs/interactions/application-commands#create-global-application-command',
		patch: (schemas) => {
			for (const name of ['ApplicationCommandCreateRequest', 'ApplicationCommandUpdateRequest']) {
				const properties = expectPath(schemas, [name, 'properties']);
				const current = expectPath(schemas, [name, 'properties', 'default_member_permissions']);
				if (JSON.stringify(current.type) !== JSON.stringify(['integer', 'null']))
					throw new Error(`${name}.default_member_permissions is no longer integer|null; review this exception`);
				properties.default_member_permissions = { oneOf: [{ type: 'string', pattern: '^[0-9]+$' }, current] };
			}
		},
	},
];

function expectPath(root: Record<string, JsonSchema>, path: readonly string[]): JsonSchema {
	let node: unknown = root;
	for (const key of path) {
		node = typeof node === 'object' && node !== null ? (node as JsonSchema)[key] : undefined;
		if (typeof node !== 'object' || node === null) throw new Error(`spec has no components.schemas.${path.join('.')}; review the exception that patches it`);
	}
	return node as JsonSchema;
}
