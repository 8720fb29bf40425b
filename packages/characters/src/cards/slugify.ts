/** Turns a character name into an id: `Stewie Griffin` → `stewie-griffin`; accents dropped, at most 64 characters. */
export function slugify(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 64)
		.replace(/-+$/, '');
	return slug === '' ? 'character' : slug;
}
