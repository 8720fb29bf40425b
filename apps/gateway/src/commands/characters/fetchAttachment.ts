/** An attachment as a command option gives it. */
export interface AttachmentSource {
	readonly url: string;
	readonly name: string;
	/** The size Discord reports, in bytes. */
	readonly size: number;
}

/** Limits of {@link fetchAttachment}. */
export interface FetchAttachmentLimits {
	readonly allowedHosts: readonly string[];
	readonly maxBytes: number;
	readonly timeoutMs: number;
}

/** Why an attachment was not fetched; the text is for the member. */
export type FetchAttachmentResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: string };

/**
 * Downloads a command's attachment: only from Discord's attachment hosts (never an address a forged option could
 * point at), refusing it before the download when Discord says it is too big and during it when the body grows past
 * the limit, all within `timeoutMs`. Network failures and HTTP errors are results, not exceptions.
 */
export async function fetchAttachment(attachment: AttachmentSource, limits: FetchAttachmentLimits): Promise<FetchAttachmentResult> {
	const tooBig = `the file is larger than ${formatBytes(limits.maxBytes)}`;
	if (attachment.size > limits.maxBytes) return { ok: false, reason: tooBig };
	let url: URL;
	try {
		url = new URL(attachment.url);
	} catch {
		return { ok: false, reason: 'the attachment has no valid address' };
	}
	if (!/^https?:$/u.test(url.protocol) || !limits.allowedHosts.includes(url.host)) {
		return { ok: false, reason: `the attachment is not on Discord's file servers (${url.host})` };
	}
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'error' });
		if (!response.ok || response.body === null) return { ok: false, reason: `Discord's file server answered HTTP ${response.status}` };
		const reader = response.body.getReader();
		const chunks: Uint8Array[] = [];
		let received = 0;
		for (let read = await reader.read(); !read.done; read = await reader.read()) {
			received += read.value.byteLength;
			if (received > limits.maxBytes) {
				await reader.cancel().catch(() => undefined);
				return { ok: false, reason: tooBig };
			}
			chunks.push(read.value);
		}
		return { ok: true, bytes: Buffer.concat(chunks) };
	} catch (error) {
		if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
			return { ok: false, reason: `downloading it took longer than ${Math.round(limits.timeoutMs / 1000)} s` };
		}
		return { ok: false, reason: `it could not be downloaded (${error instanceof Error ? error.message : String(error)})` };
	}
}

function formatBytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
