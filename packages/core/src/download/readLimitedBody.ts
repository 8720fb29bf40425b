import type { DownloadRefusal } from './DownloadRefusal.js';
import { formatBytes } from '../text/formatBytes.js';

/** Reads a response body, stopping (and cancelling the rest) as soon as it grows past `maxBytes`. */
export async function readLimitedBody(
	body: ReadableStream<Uint8Array>,
	maxBytes: number,
): Promise<{ readonly ok: true; readonly bytes: Uint8Array } | DownloadRefusal> {
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel();
			return { ok: false, code: 'too-large', reason: `it is larger than ${formatBytes(maxBytes)}` };
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return { ok: true, bytes };
}
