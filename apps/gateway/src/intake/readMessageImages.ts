import type { Message } from 'discord.js';

/** A picture a message shows, by address, as the gateway reads it from discord.js. */
export interface ReceivedImage {
	readonly url: string;
	readonly name: string;
	readonly size?: number | undefined;
	readonly width?: number | undefined;
	readonly height?: number | undefined;
	readonly source: 'attachment' | 'embed' | 'link';
}

const imageExtension = /\.(?:png|jpe?g|webp|gif)$/iu;
const linkPattern = /https?:\/\/[^\s<>|]+/giu;
// Link previews that are pictures themselves; an article's or a video's preview image is not what the member showed.
const pictureEmbedTypes = new Set(['image', 'gifv']);

/**
 * The pictures of a message, in the order a member sees them: image attachments, then pictures Discord embedded, then
 * links to image files no embed covers. Embedded pictures are read through Discord's media proxy (`proxy_url`), the
 * address the router may download from; nothing is downloaded here.
 */
export function readMessageImages(message: Message): ReceivedImage[] {
	const images: ReceivedImage[] = [];
	for (const attachment of message.attachments.values()) {
		const isImage = attachment.contentType?.startsWith('image/') ?? imageExtension.test(attachment.name);
		if (!isImage) continue;
		images.push({
			url: attachment.url,
			name: attachment.name,
			size: attachment.size,
			width: attachment.width ?? undefined,
			height: attachment.height ?? undefined,
			source: 'attachment',
		});
	}
	const embedded = new Set<string>();
	for (const embed of message.embeds) {
		const picture = embed.image ?? embed.thumbnail;
		if (picture === null || !pictureEmbedTypes.has(embed.data.type ?? '')) continue;
		if (embed.url !== null) embedded.add(embed.url);
		embedded.add(picture.url);
		images.push({
			url: picture.proxyURL ?? picture.url,
			name: nameFromUrl(embed.url ?? picture.url),
			width: picture.width ?? undefined,
			height: picture.height ?? undefined,
			source: 'embed',
		});
	}
	for (const link of message.content.match(linkPattern) ?? []) {
		const url = link.replace(/[).,!?]+$/u, '');
		if (embedded.has(url) || images.some((image) => image.url === url)) continue;
		if (!imageExtension.test(pathOf(url))) continue;
		images.push({ url, name: nameFromUrl(url), source: 'link' });
	}
	return images;
}

function pathOf(url: string): string {
	try {
		return new URL(url).pathname;
	} catch {
		return '';
	}
}

function nameFromUrl(url: string): string {
	const last = pathOf(url).split('/').at(-1) ?? '';
	try {
		return decodeURIComponent(last) || 'image';
	} catch {
		return last || 'image';
	}
}
