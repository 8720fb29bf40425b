import { chatOnHost } from '../../generation/chatOnHost.js';
import { psResponseSchema, tagsResponseSchema, versionResponseSchema } from '../../generation/ollamaResponseSchemas.js';
import { getProbeJson, type HostApi } from '../HostApi.js';

/** Ollama's own API: `/api/chat` as NDJSON, health from `/api/version`, `/api/tags` and `/api/ps`, warm-up by an empty chat. */
export const ollamaApi: HostApi = {
	kind: 'ollama',
	chat: chatOnHost,
	async probe(target) {
		const version = versionResponseSchema.parse((await getProbeJson(target, `${target.url}/api/version`)).body);
		const tags = tagsResponseSchema.parse((await getProbeJson(target, `${target.url}/api/tags`)).body);
		const ps = psResponseSchema.parse((await getProbeJson(target, `${target.url}/api/ps`)).body);
		return {
			simulated: version.simulated === true,
			models: tags.models.map((model) => ({ name: model.name, digest: model.digest, sizeBytes: model.size })),
			loaded: ps.models.map((model) => model.name),
			serverLoad: null,
		};
	},
	probeLoad: () => Promise.resolve(null),
	async warmUp(target, model, keepAlive) {
		const response = await target.fetch(`${target.url}/api/chat`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ model, messages: [], stream: false, ...(keepAlive === undefined ? {} : { keep_alive: keepAlive }) }),
			signal: AbortSignal.timeout(target.timeoutMs),
		});
		if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
	},
};
