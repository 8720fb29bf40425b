import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { AttachmentRecord } from '../state/records.js';
import { attachmentPath } from './attachmentPath.js';
import { readImageSize } from './readImageSize.js';
import { sniffImageType } from './sniffImageType.js';

/** A file a member attaches through the control API. */
export interface UploadedFile {
	readonly filename: string;
	/** Sniffed from the bytes for PNG, GIF, JPEG and WebP when absent. */
	readonly contentType?: string | undefined;
	readonly data: Uint8Array;
}

/** Discord's upload limit per file for members without boosts: 10 MiB. */
export const MaxAttachmentBytes = 10 * 1024 * 1024;

/** Discord keeps letters, digits, dots, dashes and underscores of a file name and turns the rest into underscores. */
export function toDiscordFilename(name: string): string {
	const base = name.split(/[\\/]/).at(-1) ?? '';
	const cleaned = base.replace(/\s+/g, '_').replace(/[^\w.-]/g, '');
	return cleaned.length > 0 ? cleaned.slice(-200) : 'unknown';
}

/** The attachment record of an uploaded file, its bytes kept and served at `{baseUrl}/_emu/attachments/{channel}/{id}/{name}`. */
export function createUploadedAttachment(store: EmulatorStore, channelId: string, baseUrl: string, file: UploadedFile): AttachmentRecord {
	const id = store.ids.next();
	const filename = toDiscordFilename(file.filename);
	const size = readImageSize(file.data);
	const contentType = file.contentType ?? sniffImageType(file.data);
	return {
		id,
		filename,
		size: file.data.byteLength,
		contentType,
		data: file.data,
		url: `${baseUrl.replace(/\/$/, '')}${attachmentPath(channelId, id, filename)}`,
		...(size && (contentType ?? '').startsWith('image/') ? { width: size.width, height: size.height } : {}),
	};
}
