import { sendError } from '../../http/sendJson.js';
import { imageInputUnsupported } from '../../images/imageInputUnsupported.js';
import { hashText } from '../../text/hashText.js';
import { splitTokens } from '../../text/splitTokens.js';
import type { InferenceDialect } from './InferenceDialect.js';
import { ollamaReplyWire } from './ollamaReplyWire.js';

/** Ollama's `/api/chat` and `/api/generate`: its error texts and statuses, NDJSON replies, prompts truncated to `num_ctx`. */
export const ollamaDialect: InferenceDialect = {
	api: 'ollama',
	longPrompts: 'truncate',
	refuse: (response, refusal) => {
		switch (refusal.reason) {
			case 'model-not-found':
				return sendError(response, 404, `model '${refusal.model}' not found`);
			case 'not-a-completion-model':
				return sendError(response, 400, `"${refusal.model}" does not support ${refusal.kind}`);
			case 'thinking-unsupported':
				return sendError(response, 400, `"${refusal.model}" does not support thinking`);
			case 'queue-full':
				return sendError(response, 503, refusal.message);
			case 'image-input-unsupported':
				return sendError(response, 500, imageInputUnsupported);
			case 'context-length-exceeded':
				throw new Error('Ollama truncates long prompts; it never refuses them');
		}
	},
	wire: (request, reply) =>
		ollamaReplyWire(
			request.kind,
			request.model,
			request.kind === 'generate' ? () => tokenIds(request.messages.map((message) => message.content).join('\n') + reply.text) : undefined,
		),
};

// Stand-ins for the tokenizer's ids: stable per token, in a Llama-3-sized vocabulary.
function tokenIds(text: string): number[] {
	return splitTokens(text).map((token) => hashText(token) % 128_256);
}
