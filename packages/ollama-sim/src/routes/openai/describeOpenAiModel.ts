import type { SimModel } from '../../models/SimModel.js';
import type { SimApi } from '../../options/OllamaSimOptions.js';

/** A model's id on `/v1`: Ollama lists its tag (`llama3.2:latest`), a vLLM-like server the name it was given. */
export function openAiModelId(model: SimModel, api: SimApi): string {
	return api === 'openai' && model.name.endsWith(':latest') ? model.name.slice(0, -':latest'.length) : model.name;
}

/** A model as `/v1/models` lists it. */
export function describeOpenAiModel(model: SimModel, api: SimApi): Record<string, unknown> {
	return { id: openAiModelId(model, api), object: 'model', created: Math.floor(model.modifiedAt.getTime() / 1000), owned_by: 'ollama-sim' };
}
