import type { HostChatRequest, HostChatResult } from '../generation/chatOnHost.js';
import type { HostFetch } from '../generation/createHostFetch.js';
import type { HostModel } from '../hosts/HostState.js';
import type { ServerLoad } from '../hosts/ServerLoad.js';
import { bearer } from './bearer.js';
import type { HostKind } from '../settings/hostKinds.js';

/** What a health probe learned about a host. */
export interface HostProbe {
	/** The host says it is the Ollama simulator. */
	readonly simulated: boolean;
	readonly models: readonly HostModel[];
	/** Models in memory, so a request avoids a cold load. */
	readonly loaded: readonly string[];
	/** The server's own load; `null` when it publishes none (never asked again), undefined when not asked this time. */
	readonly serverLoad?: ServerLoad | null;
}

/** Where and how to probe a host. */
export interface ProbeTarget {
	readonly url: string;
	readonly fetch: HostFetch;
	readonly apiKey?: string | undefined;
	readonly timeoutMs: number;
	/** Whether to read the server's load too (false once it turned out to publish none). */
	readonly askLoad: boolean;
}

/** One API a model host speaks: how to chat, check health and warm a model up. */
export interface HostApi {
	readonly kind: HostKind;
	chat(request: HostChatRequest): Promise<HostChatResult>;
	probe(target: ProbeTarget): Promise<HostProbe>;
	/** Only the server's load, between health checks (hosts without load figures answer `null`). */
	probeLoad(target: ProbeTarget): Promise<ServerLoad | null>;
	/** Loads a model so the first member's reply does not wait for it; absent where the server keeps what it serves loaded. */
	warmUp?(target: ProbeTarget, model: string, keepAlive: string | number | undefined): Promise<void>;
}

/** Fetches JSON from a probe URL, failing with the path and status on a non-2xx answer. */
export async function getProbeJson(target: ProbeTarget, url: string): Promise<{ body: unknown; headers: Headers }> {
	const response = await target.fetch(url, {
		signal: AbortSignal.timeout(target.timeoutMs),
		headers: bearer(target.apiKey),
	});
	if (!response.ok) {
		await response.body?.cancel();
		throw new Error(
			`${new URL(url).pathname} answered HTTP ${response.status}${response.status === 401 || response.status === 403 ? ' (API key refused)' : ''}`,
		);
	}
	return { body: await response.json(), headers: response.headers };
}
