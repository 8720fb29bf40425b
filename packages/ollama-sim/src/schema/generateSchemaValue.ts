import type { Random } from '../text/createRandom.js';
import { generateSchemaNumber } from './generateSchemaNumber.js';
import { generateSchemaString } from './generateSchemaString.js';

type Schema = Readonly<Record<string, unknown>>;

const maxDepth = 12;

/**
 * A value that satisfies a JSON schema, for `format` requests: types, `required` and optional
 * properties, `enum`, `const`, `anyOf`/`oneOf`/`allOf`, `$ref` to `$defs`, number bounds and
 * `multipleOf`, string lengths and formats, array item counts. Deterministic for a given {@link Random}.
 */
export function generateSchemaValue(schema: unknown, random: Random): unknown {
	return generate(schema, schema, random, 0);
}

function generate(node: unknown, root: unknown, random: Random, depth: number): unknown {
	if (node === false) return null;
	if (!isSchema(node)) return generateSchemaString({}, random);
	if (depth > maxDepth) return null;
	if (typeof node.$ref === 'string') return generate(resolveRef(root, node.$ref), root, random, depth + 1);
	if ('const' in node) return node.const;
	if (Array.isArray(node.enum) && node.enum.length > 0) return random.pick(node.enum);
	const branches = node.anyOf ?? node.oneOf;
	if (Array.isArray(branches) && branches.length > 0) {
		// Prefer a real value over null, so nullable fields carry content.
		const concrete = branches.filter((branch) => !(isSchema(branch) && branch.type === 'null'));
		return generate(random.pick(concrete.length > 0 ? concrete : branches), root, random, depth + 1);
	}
	if (Array.isArray(node.allOf)) return generate(mergeAllOf(node, root), root, random, depth + 1);
	switch (typeOf(node)) {
		case 'object':
			return generateObject(node, root, random, depth);
		case 'array':
			return generateArray(node, root, random, depth);
		case 'integer':
			return generateSchemaNumber(node, random, true);
		case 'number':
			return generateSchemaNumber(node, random, false);
		case 'boolean':
			return random.next() < 0.5;
		case 'null':
			return null;
		default:
			return generateSchemaString(node, random);
	}
}

function generateObject(node: Schema, root: unknown, random: Random, depth: number): Record<string, unknown> {
	const properties = isSchema(node.properties) ? node.properties : {};
	const required = new Set(Array.isArray(node.required) ? node.required.filter((name): name is string => typeof name === 'string') : []);
	const value: Record<string, unknown> = {};
	for (const [name, property] of Object.entries(properties)) {
		// Optional properties are filled too (judges expect them), except deep inside recursive schemas.
		if (!required.has(name) && depth > 4) continue;
		value[name] = generate(property, root, random, depth + 1);
	}
	for (const name of required) if (!(name in value)) value[name] = generateSchemaString({}, random);
	return value;
}

function generateArray(node: Schema, root: unknown, random: Random, depth: number): unknown[] {
	const prefix = Array.isArray(node.prefixItems) ? node.prefixItems.map((item) => generate(item, root, random, depth + 1)) : [];
	const min = Math.max(typeof node.minItems === 'number' ? node.minItems : 1, prefix.length);
	const max = Math.max(min, typeof node.maxItems === 'number' ? node.maxItems : min + 2);
	const count = depth > 4 ? min : random.between(min, Math.min(max, min + 4));
	const items = [...prefix];
	const seen = new Set(items.map((item) => JSON.stringify(item)));
	for (let attempt = 0; items.length < count && attempt < count * 10; attempt += 1) {
		const item = generate(node.items ?? {}, root, random, depth + 1);
		const key = JSON.stringify(item);
		if (node.uniqueItems === true && seen.has(key)) continue;
		seen.add(key);
		items.push(item);
	}
	return items;
}

function typeOf(node: Schema): string {
	if (typeof node.type === 'string') return node.type;
	if (Array.isArray(node.type)) return node.type.find((type) => type !== 'null') ?? 'null';
	if (isSchema(node.properties)) return 'object';
	if (node.items !== undefined || node.prefixItems !== undefined) return 'array';
	if (typeof node.minimum === 'number' || typeof node.maximum === 'number') return 'number';
	return 'string';
}

function mergeAllOf(node: Schema, root: unknown): Schema {
	const { allOf, ...rest } = node;
	const merged: Record<string, unknown> = { ...rest };
	const properties: Record<string, unknown> = isSchema(rest.properties) ? { ...rest.properties } : {};
	const required: unknown[] = Array.isArray(rest.required) ? [...rest.required] : [];
	for (const part of allOf as unknown[]) {
		const resolved = isSchema(part) && typeof part.$ref === 'string' ? resolveRef(root, part.$ref) : part;
		if (!isSchema(resolved)) continue;
		Object.assign(merged, resolved);
		if (isSchema(resolved.properties)) Object.assign(properties, resolved.properties);
		if (Array.isArray(resolved.required)) required.push(...resolved.required);
	}
	return { ...merged, properties, required };
}

function resolveRef(root: unknown, ref: string): unknown {
	if (ref === '#') return root;
	if (!ref.startsWith('#/')) return {};
	let node: unknown = root;
	for (const part of ref.slice(2).split('/')) {
		const key = decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~');
		node = isSchema(node) ? node[key] : undefined;
	}
	return node ?? {};
}

function isSchema(value: unknown): value is Schema {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
