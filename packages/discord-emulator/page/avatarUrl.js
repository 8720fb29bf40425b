// Images the page may show: only its own origin and data URLs. Everything else is drawn locally, because the
// banner promises that nothing leaves this machine.

/** `url` when it is served by the emulator itself (or is a data:image URL), else null. */
export function localImageUrl(url) {
	if (typeof url !== 'string' || url.length === 0) return null;
	if (/^data:image\/(png|jpeg|gif|webp);/i.test(url)) return url;
	if (!URL.canParse(url, location.href)) return null;
	const parsed = new URL(url, location.href);
	return parsed.origin === location.origin ? parsed.href : null;
}

/** A generated avatar drawn by the emulator from a name: distinct per character even when they share a webhook. */
export function generatedAvatarUrl(name) {
	return `/_emu/avatars/character.svg?name=${encodeURIComponent(name)}`;
}

/** The avatar to show for a message author: their own image if it is local, else one drawn from their user id or name. */
export function avatarUrl(author) {
	const local = localImageUrl(author.avatarUrl);
	if (local) return local;
	return author.kind === 'webhook' ? generatedAvatarUrl(author.displayName) : `/_emu/avatars/${author.id}.svg`;
}
