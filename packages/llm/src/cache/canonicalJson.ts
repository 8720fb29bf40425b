/**
 * JSON with object keys sorted (by UTF-16 code units, integer-like keys too) at every depth, so equal values always
 * hash the same. Written straight out, without copying the value into sorted objects first; keys whose value JSON
 * leaves out (undefined, functions, symbols) are left out.
 */
export function canonicalJson(value: unknown): string {
	return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
	if (typeof value !== 'object' || value === null) return JSON.stringify(value) as string | undefined;
	if (Array.isArray(value)) {
		let text = '[';
		for (let index = 0; index < value.length; index += 1) text += `${index === 0 ? '' : ','}${write(value[index]) ?? 'null'}`;
		return `${text}]`;
	}
	const record = value as Record<string, unknown>;
	let text = '';
	for (const key of Object.keys(record).sort()) {
		const entry = write(record[key]);
		if (entry !== undefined) text += `${text === '' ? '' : ','}${JSON.stringify(key)}:${entry}`;
	}
	return `{${text}}`;
}
