const palette = ['#5865f2', '#57f287', '#fee75c', '#eb459e', '#ed4245', '#3ba55c', '#faa61a', '#9b59b6'];

/** A round avatar with the name's initial, coloured from the id, like Discord's default avatars. */
export function renderAvatarSvg(id: string, name: string): string {
	let hash = 0;
	for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	const color = palette[hash % palette.length] ?? '#5865f2';
	const initial = escapeXml((name.trim()[0] ?? '?').toUpperCase());
	return `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80" viewBox="0 0 80 80"><circle cx="40" cy="40" r="40" fill="${color}"/><text x="40" y="52" font-family="sans-serif" font-size="34" font-weight="bold" fill="#fff" text-anchor="middle">${initial}</text></svg>`;
}

function escapeXml(text: string): string {
	return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
