/** A hash of a string (FNV-1a, 32 bits), stable across runs so a name keeps its avatar. */
function hashOf(text: string): number {
	let hash = 0x811c9dc5;
	for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
	return hash;
}

/** Up to two initials: "Peter Griffin" gives "PG", "alice" gives "A". */
function initialsOf(name: string): string {
	const words = name
		.trim()
		.split(/[\s_.-]+/)
		.filter((word) => word.length > 0);
	const letters = words.length > 1 ? [words[0], words.at(-1)] : [words[0]];
	return letters.map((word) => [...(word ?? '?')][0]?.toUpperCase() ?? '?').join('') || '?';
}

/**
 * A round avatar drawn locally: a background hue and a mirrored 5x5 pattern from the seed's hash, with the name's
 * initials on top, so every user and character looks different without fetching anything from outside.
 */
export function renderAvatarSvg(seed: string, name: string): string {
	const hash = hashOf(seed);
	const hue = hash % 360;
	const saturation = 45 + ((hash >>> 9) % 25);
	const pattern = hashOf(`${seed}#pattern`);
	const cells: string[] = [];
	for (let row = 0; row < 5; row++) {
		for (let column = 0; column < 3; column++) {
			if (((pattern >>> (row * 3 + column)) & 1) === 0) continue;
			for (const x of new Set([column, 4 - column])) cells.push(`<rect x="${x * 16}" y="${row * 16}" width="16" height="16"/>`);
		}
	}
	const initials = escapeXml(initialsOf(name));
	const fontSize = initials.length > 1 ? 30 : 36;
	return [
		'<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80" viewBox="0 0 80 80">',
		'<clipPath id="c"><circle cx="40" cy="40" r="40"/></clipPath>',
		`<g clip-path="url(#c)"><rect width="80" height="80" fill="hsl(${hue} ${saturation}% 42%)"/>`,
		`<g fill="hsl(${(hue + 40) % 360} ${saturation + 10}% 58%)" opacity="0.55">${cells.join('')}</g></g>`,
		`<text x="40" y="${40 + fontSize * 0.36}" font-family="system-ui, sans-serif" font-size="${fontSize}" font-weight="700" fill="#fff" text-anchor="middle" stroke="rgba(0,0,0,0.25)" stroke-width="1">${initials}</text>`,
		'</svg>',
	].join('');
}

function escapeXml(text: string): string {
	return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
