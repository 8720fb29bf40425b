import type { Logger } from '@charbot/core';
import type { RouteJob } from '@charbot/contracts';
import { Counter, type Registry } from 'prom-client';
import type { ChannelNotices } from '../notices/ChannelNotices.js';
import type { ImageView } from './lookAtImages.js';

// Why pictures go unseen is told once per channel (and reason) a month: it rarely changes, and it is in /config show.
const imageNoticeIntervalSeconds = 30 * 86_400;

/** What {@link createImageReporter} reports through. */
export interface ImageReporterOptions {
	readonly notices: Pick<ChannelNotices, 'notify'>;
	readonly registry: Registry;
	readonly logger: Logger;
}

/**
 * Reports what a turn's pictures became: counted on `/metrics` (seen, unseen for want of a vision model, or refused by
 * reason), and on a message's first attempt the member's notices of why pictures went unseen. Never throws or waits.
 */
export function createImageReporter(options: ImageReporterOptions): (job: RouteJob, view: ImageView) => void {
	const { notices, logger } = options;
	const pictures = new Counter({
		name: 'charbot_member_pictures_total',
		help: 'Pictures of the messages the router answered: seen by the vision model, blind (no vision model, or none serving), or refused (label reason)',
		labelNames: ['outcome', 'reason'] as const,
		registers: [options.registry],
	});
	return (job, view) => {
		const refused = view.unseen.flatMap((each) => (each.notice === 'image-refused' ? [each.code] : []));
		pictures.inc({ outcome: 'seen', reason: '' }, view.images.length);
		for (const code of refused) pictures.inc({ outcome: 'refused', reason: code });
		pictures.inc({ outcome: 'blind', reason: '' }, view.notes.length - view.images.length - refused.length);
		// A regeneration looks again, but the member heard why the first time.
		if (job.failedAttempts.length > 0) return;
		for (const each of view.unseen) {
			const details = each.notice === 'image-refused' ? { topic: each.code, detail: each.detail } : {};
			notices
				.notify(job, each.notice, Date.now(), { ...details, intervalSeconds: imageNoticeIntervalSeconds, replyToMessage: true })
				.then((sent) => sent && logger.info({ channelId: job.message.channelId, notice: each.notice }, `posting the ${each.notice} notice`))
				.catch((error: unknown) =>
					logger.error({ err: error, channelId: job.message.channelId, notice: each.notice }, `could not enqueue the ${each.notice} notice`),
				);
		}
	};
}
