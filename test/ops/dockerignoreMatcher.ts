/** Tells whether a path of the build context (relative, `/`-separated) is left out of it. */
export type IgnoreTest = (path: string) => boolean;

interface Rule {
	readonly pattern: string;
	readonly regex: RegExp;
	readonly include: boolean;
}

/**
 * A `.dockerignore` as BuildKit applies it: rules in order, the last one that matches a path or any of
 * its parent folders wins, `!` brings a path back, `*` and `?` stay within one path segment and `**`
 * spans any number of them.
 */
export function dockerignoreMatcher(text: string): IgnoreTest {
	const rules: Rule[] = [];
	for (const line of text.split('\n')) {
		const trimmed = line.trim();
		if (trimmed === '' || trimmed.startsWith('#')) continue;
		const include = trimmed.startsWith('!');
		const pattern = cleanPattern(include ? trimmed.slice(1).trim() : trimmed);
		rules.push({ pattern, regex: toRegex(pattern), include });
	}
	return (path) => {
		const segments = path.split('/').filter(Boolean);
		const candidates = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
		let ignored = false;
		for (const rule of rules) {
			if (candidates.some((candidate) => rule.regex.test(candidate))) ignored = !rule.include;
		}
		return ignored;
	};
}

function cleanPattern(pattern: string): string {
	return pattern.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\/+/g, '/');
}

function toRegex(pattern: string): RegExp {
	let source = '';
	for (let index = 0; index < pattern.length; index += 1) {
		const char = pattern[index] ?? '';
		if (char === '*' && pattern[index + 1] === '*') {
			// `**/` may match no folder at all; a trailing `**` matches everything below.
			if (pattern[index + 2] === '/') {
				source += '(?:.*/)?';
				index += 2;
			} else {
				source += '.*';
				index += 1;
			}
		} else if (char === '*') source += '[^/]*';
		else if (char === '?') source += '[^/]';
		else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${source}$`);
}
