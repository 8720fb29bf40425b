import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Bytes of a {@link WebhookTokenSeal} key (AES-256). */
export const WebhookTokenKeyBytes = 32;

const version = 'v1';
const ivBytes = 12;
const tagBytes = 16;
const sealedPattern = /^v1\.(\d{17,20})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

/** What {@link WebhookTokenSeal.open} found: the token, or why there is none (never an exception: a bad value is refetched). */
export type OpenedWebhookToken =
	| { readonly ok: true; readonly webhookId: string; readonly token: string }
	| { readonly ok: false; readonly reason: 'malformed' | 'wrong-key-or-tampered'; readonly webhookId?: string };

/**
 * Seals channel webhook tokens with AES-256-GCM before they go to Redis, as `v1.<webhook id>.<iv>.<ciphertext>.<tag>`.
 * The Redis key and the webhook id are authenticated with it, so a sealed token copied under another channel's key, or
 * paired with another id, does not open.
 */
export class WebhookTokenSeal {
	readonly #key: Buffer;

	public constructor(key: Buffer) {
		if (key.length !== WebhookTokenKeyBytes) throw new RangeError(`a webhook token key must be ${WebhookTokenKeyBytes} bytes, got ${key.length}`);
		this.#key = Buffer.from(key);
	}

	/** A seal with a random key of its own: tokens it sealed open nowhere else, nor after a restart. */
	public static withRandomKey(): WebhookTokenSeal {
		return new WebhookTokenSeal(randomBytes(WebhookTokenKeyBytes));
	}

	/** Seals `token` of webhook `webhookId` for storage under `redisKey`. */
	public seal(token: string, webhookId: string, redisKey: string): string {
		const iv = randomBytes(ivBytes);
		const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: tagBytes });
		cipher.setAAD(associatedData(webhookId, redisKey));
		const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
		return [version, webhookId, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
	}

	/** The webhook id a sealed value names, readable without the key (to compare before deleting). */
	public static webhookIdOf(sealed: string): string | undefined {
		return sealedPattern.exec(sealed)?.[1];
	}

	/** Opens a value {@link seal} made for `redisKey`. */
	public open(sealed: string, redisKey: string): OpenedWebhookToken {
		const match = sealedPattern.exec(sealed);
		if (match === null) return { ok: false, reason: 'malformed' };
		const [, webhookId = '', iv = '', ciphertext = '', tag = ''] = match;
		const ivBuffer = Buffer.from(iv, 'base64url');
		const tagBuffer = Buffer.from(tag, 'base64url');
		if (ivBuffer.length !== ivBytes || tagBuffer.length !== tagBytes) return { ok: false, reason: 'malformed', webhookId };
		try {
			const decipher = createDecipheriv('aes-256-gcm', this.#key, ivBuffer, { authTagLength: tagBytes });
			decipher.setAAD(associatedData(webhookId, redisKey));
			decipher.setAuthTag(tagBuffer);
			const token = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
			return { ok: true, webhookId, token };
		} catch {
			// GCM's only failure here is a failed authentication: another key, or a value changed in Redis.
			return { ok: false, reason: 'wrong-key-or-tampered', webhookId };
		}
	}
}

function associatedData(webhookId: string, redisKey: string): Buffer {
	return Buffer.from(`charbot webhook token ${version}\n${redisKey}\n${webhookId}`, 'utf8');
}
