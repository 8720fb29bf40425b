import type { HostKind } from './hostKinds.js';

/** A host's base URL and kind. */
export interface HostAddress {
	readonly url: string;
	readonly kind: HostKind;
}

const prefixed = /^(ollama|openai)\+(.*)$/su;

/**
 * Reads a host address: `http://ollama-1:11434` (Ollama, no path), or `openai+http://vllm:8000/v1` for an
 * OpenAI-compatible API (any base path; none means `/v1`). Returns the problem as text when it is not one.
 */
export function parseHostAddress(raw: string, declaredKind?: HostKind): HostAddress | string {
	const match = prefixed.exec(raw.trim());
	const prefixKind = match?.[1] as HostKind | undefined;
	if (prefixKind !== undefined && declaredKind !== undefined && prefixKind !== declaredKind)
		return `says ${prefixKind}+ but the host's kind is ${declaredKind}`;
	const kind = prefixKind ?? declaredKind ?? 'ollama';
	const address = match?.[2] ?? raw.trim();
	const example = kind === 'ollama' ? 'http://ollama-1:11434' : 'openai+http://vllm:8000/v1';
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return `must be an http(s) URL, e.g. ${example}`;
	}
	if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !/^https?:\/\//u.test(address)) return `must be an http(s) URL, e.g. ${example}`;
	// Credentials in a URL end up in logs and metrics labels; keys go in their own secret setting.
	if (url.username !== '' || url.password !== '') return 'must not carry credentials; give an API key with OPENAI_API_KEY or apiKeyEnv';
	if (url.search !== '' || url.hash !== '') return `must have no query or fragment, e.g. ${example}`;
	const path = url.pathname.replace(/\/+$/u, '');
	if (kind === 'ollama') {
		if (path !== '') return `must be an http(s) URL with no path, e.g. ${example} (an OpenAI-compatible API takes the openai+ prefix)`;
		return { url: url.origin, kind };
	}
	return { url: `${url.origin}${path === '' ? '/v1' : path}`, kind };
}
