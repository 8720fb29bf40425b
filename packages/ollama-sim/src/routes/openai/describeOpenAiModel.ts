import type { SimModel } from '../../models/SimModel.js';

/** A model as `/v1/models` lists it. */
export function describeOpenAiModel(model: SimModel): Record<string, unknown> {
	return { id: model.name, object: 'model', created: Math.floor(model.modifiedAt.getTime() / 1000), owned_by: 'ollama-sim' };
}
