import type { IncomingMessage } from 'node:http';
import { readImageSize } from '../attachments/readImageSize.js';
import { sniffImageType } from '../attachments/sniffImageType.js';
import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { AttachmentRecord } from '../state/records.js';

/** A request body: its JSON (from `payload_json` for multipart uploads) and the files it carried. */
export interface RequestPayload {
	readonly json: unknown;
	readonly files: readonly AttachmentRecord[];
}

const maxBodyBytes = 26_214_400;

/** Reads a JSON or multipart/form-data body the way Discord accepts them; bad JSON is a 400 (50109). */
export async function readRequestPayload(request: IncomingMessage, store: EmulatorStore): Promise<RequestPayload> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > maxBodyBytes) throw new DiscordApiFailure(413, 40005, 'Request entity too large');
		chunks.push(chunk as Buffer);
	}
	const raw = Buffer.concat(chunks);
	const contentType = request.headers['content-type'] ?? '';
	if (contentType.startsWith('multipart/form-data')) return readMultipart(raw, contentType, store);
	if (raw.length === 0) return { json: undefined, files: [] };
	return { json: parseJson(raw.toString('utf8')), files: [] };
}

async function readMultipart(raw: Buffer, contentType: string, store: EmulatorStore): Promise<RequestPayload> {
	const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
	let json: unknown;
	const files: AttachmentRecord[] = [];
	for (const [name, value] of form.entries()) {
		if (name === 'payload_json' && typeof value === 'string') json = parseJson(value);
		else if (typeof value !== 'string') {
			// The bytes are kept so the playground can show a bot's or webhook's picture, as Discord's client does.
			const data = new Uint8Array(await value.arrayBuffer());
			const contentType = value.type || sniffImageType(data);
			const size = contentType?.startsWith('image/') ? readImageSize(data) : null;
			files.push({
				id: store.ids.next(),
				filename: value.name || name,
				size: value.size,
				contentType,
				data,
				...(size ? { width: size.width, height: size.height } : {}),
			});
		}
	}
	return { json, files };
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw new DiscordApiFailure(400, 50109, 'The request body contains invalid JSON.');
	}
}
