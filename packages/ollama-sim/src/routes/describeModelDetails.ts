import type { SimModel } from '../models/SimModel.js';

/** The `details` object of `/api/tags`, `/api/ps` and `/api/show`. */
export function describeModelDetails(model: SimModel): Record<string, unknown> {
	return {
		parent_model: '',
		format: 'gguf',
		family: model.family,
		families: [model.family],
		parameter_size: model.parameterSize,
		quantization_level: model.quantization,
	};
}
