// What depends on who is looking ("Write as"): ephemeral replies show only to their user, and messages that
// ping the viewer light up as Discord highlights them.

/** Applies the viewer (a user id and their role ids) to every rendered message in `container`. */
export function applyViewer(container, viewerId, viewerRoles) {
	for (const item of container.querySelectorAll('.message')) {
		if (item.classList.contains('ephemeral')) item.hidden = item.dataset.visibleTo !== viewerId;
		const pinged =
			item.dataset.pingedEveryone === 'true' ||
			(item.dataset.pingedUsers ?? '').split(' ').includes(viewerId) ||
			(item.dataset.pingedRoles ?? '').split(' ').some((role) => role && viewerRoles.includes(role));
		item.classList.toggle('mentions-me', pinged && item.dataset.authorId !== viewerId);
	}
}
