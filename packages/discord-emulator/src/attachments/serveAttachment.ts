import type { ServerResponse } from 'node:http';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { AttachmentRecord } from '../state/records.js';

const attachmentPath = /^\/_emu\/attachments\/(\d{17,20})\/(\d{17,20})\/[^/]+$/;
// Types a browser may show inline; anything else is served as a download so an uploaded page cannot run as the emulator.
const inlineTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain', 'application/json']);

/** Serves a stored attachment's bytes at `/_emu/attachments/{channelId}/{attachmentId}/{filename}`; returns false for other paths. */
export function serveAttachment(store: EmulatorStore, path: string, response: ServerResponse): boolean {
	const match = attachmentPath.exec(path);
	if (!match) return false;
	const attachment = findAttachment(store, match[1] ?? '', match[2] ?? '');
	if (!attachment?.data) {
		response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"404: Not Found","code":0}');
		return true;
	}
	const type = attachment.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
	const inline = inlineTypes.has(type);
	response
		.writeHead(200, {
			'content-type': inline ? (type.startsWith('text/') ? `${type}; charset=utf-8` : type) : 'application/octet-stream',
			'content-length': attachment.data.byteLength,
			'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${attachment.filename}"`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, max-age=86400',
		})
		.end(attachment.data);
	return true;
}

function findAttachment(store: EmulatorStore, channelId: string, attachmentId: string): AttachmentRecord | undefined {
	for (const message of store.channels.get(channelId)?.messages?.values() ?? []) {
		const found = message.attachments.find((attachment) => attachment.id === attachmentId);
		if (found) return found;
	}
	// Files given for a slash command's attachment option belong to the interaction, not to a message.
	for (const interaction of store.interactions.values()) {
		const found = interaction.channelId === channelId ? interaction.attachments?.find((attachment) => attachment.id === attachmentId) : undefined;
		if (found) return found;
	}
	return undefined;
}
