import type { NoticeJob } from '@charbot/contracts';

/**
 * What members read when pictures go unseen: no vision model is set up (said once per channel), or one picture was not
 * shown (the notice's `detail`, written by the router, names it, why, and the limits).
 */
export function imageNoticeText(notice: NoticeJob & { readonly notice: 'images-unseen' | 'image-refused' }): string {
	if (notice.notice === 'images-unseen') {
		return "📷 The characters here can't see pictures: no vision model is set up, so they only learn that a picture was posted (its name and size). Server admins see this in `/config show`.";
	}
	return `📷 ${notice.detail ?? 'A picture was not shown to the characters.'}`;
}
