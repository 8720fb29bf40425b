import type { Random } from '../text/createRandom.js';
import { generateReply } from '../text/generateReply.js';
import { wordLists } from '../text/wordLists.js';

const hex = (random: Random, length: number) => Array.from({ length }, () => random.int(16).toString(16)).join('');
const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** A string satisfying a JSON schema's `format`, `minLength`, `maxLength` and (when simple enough) `pattern`. */
export function generateSchemaString(schema: Readonly<Record<string, unknown>>, random: Random): string {
	const formatted = formatString(schema.format, random);
	if (formatted !== undefined) return formatted;
	const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
	const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
	let text = generateReply({ seed: random.int(2 ** 31), tokens: random.between(8, 20) });
	while (text.length < minLength) text += ` ${generateReply({ seed: random.int(2 ** 31), tokens: 20 })}`;
	if (text.length > maxLength) text = text.slice(0, maxLength);
	if (typeof schema.pattern !== 'string') return text;
	return matchPattern(schema.pattern, [text, ...patternCandidates(random)], minLength, maxLength) ?? text;
}

function formatString(format: unknown, random: Random): string | undefined {
	const word = () => random.pick(wordLists.things);
	const date = () => `${random.between(2020, 2026)}-${pad(random.between(1, 12))}-${pad(random.between(1, 28))}`;
	const time = () => `${pad(random.between(0, 23))}:${pad(random.between(0, 59))}:${pad(random.between(0, 59))}`;
	switch (format) {
		case 'date-time':
			return `${date()}T${time()}Z`;
		case 'date':
			return date();
		case 'time':
			return time();
		case 'email':
			return `${random.pick(wordLists.people)}.${word()}@example.com`;
		case 'uri':
		case 'url':
		case 'iri':
			return `https://example.com/${word()}`;
		case 'uuid':
			return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${random.pick(['8', '9', 'a', 'b'])}${hex(random, 3)}-${hex(random, 12)}`;
		case 'ipv4':
			return `192.0.2.${random.between(1, 254)}`;
		case 'ipv6':
			return `2001:db8::${random.int(65536).toString(16)}`;
		case 'hostname':
			return `${word()}.example.com`;
		case 'duration':
			return `PT${random.between(1, 59)}M`;
		default:
			return undefined;
	}
}

function patternCandidates(random: Random): string[] {
	return [
		'abc',
		'ABC',
		'Abc',
		'123',
		String(random.between(1, 9)),
		'a1',
		'A1',
		'abc123',
		'a',
		'A',
		'0',
		'yes',
		'x-1',
		'abc_def',
		formatString('uuid', random) ?? '',
		formatString('date', random) ?? '',
	];
}

// Only simple patterns can be met by trying candidates; for others the plain text is returned (documented).
function matchPattern(pattern: string, candidates: readonly string[], minLength: number, maxLength: number): string | undefined {
	let regex: RegExp;
	try {
		regex = new RegExp(pattern, 'u');
	} catch {
		return undefined;
	}
	return candidates.find((candidate) => candidate.length >= minLength && candidate.length <= maxLength && regex.test(candidate));
}
