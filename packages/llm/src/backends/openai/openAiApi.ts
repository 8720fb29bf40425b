import type { ServerLoad } from '../../hosts/ServerLoad.js';
import { bearer } from '../bearer.js';
import { getProbeJson, type HostApi, type ProbeTarget } from '../HostApi.js';
import { chatOnOpenAiHost } from './chatOnOpenAiHost.js';
import { modelListSchema } from './openAiSchemas.js';
import { readVllmLoad } from './readVllmLoad.js';

/**
 * OpenAI's chat completions API (vLLM, llama.cpp's server, LM Studio, Ollama's `/v1`, hosted APIs): health from
 * `/models`, load from vLLM's `/metrics` where the server has it, no warm-up (a server lists what it has loaded).
 */
export const openAiApi: HostApi = {
	kind: 'openai',
	chat: chatOnOpenAiHost,
	async probe(target) {
		const { body, headers } = await getProbeJson(target, `${target.url}/models`);
		const list = modelListSchema.parse(body);
		// Model ids carry no digest: the id stands in, so a renamed model is a changed one.
		const models = list.data.map((model) => ({ name: model.id, digest: model.id, sizeBytes: undefined }));
		return {
			simulated: headers.has('x-ollama-sim'),
			models,
			loaded: models.map((model) => model.name),
			...(target.askLoad ? { serverLoad: await readServerLoad(target) } : {}),
		};
	},
	probeLoad: readServerLoad,
};

async function readServerLoad(target: ProbeTarget): Promise<ServerLoad | null> {
	// vLLM serves Prometheus text at the root, beside the API base.
	const response = await target.fetch(`${new URL(target.url).origin}/metrics`, {
		signal: AbortSignal.timeout(target.timeoutMs),
		headers: bearer(target.apiKey),
	});
	if (!response.ok) {
		await response.body?.cancel();
		return null;
	}
	return readVllmLoad(await response.text());
}
