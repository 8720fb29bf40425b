import type { ChatMessage } from '@charbot/core';
import type { ResolvedGenerationSettings } from '../../settings/generationDefaults.js';
import type { OpenAiDialect } from '../../settings/hostKinds.js';

/** OpenAI's API takes at most four stop sequences. */
const MaxStopSequences = 4;

/** The `/chat/completions` body for one streamed request, with the sampling parameters the host's dialect takes. */
export function toOpenAiBody(input: {
	model: string;
	messages: readonly ChatMessage[];
	settings: ResolvedGenerationSettings;
	format: 'json' | Record<string, unknown> | undefined;
	dialect: OpenAiDialect;
}): Record<string, unknown> {
	const { settings } = input;
	return {
		model: input.model,
		messages: input.messages.map(toOpenAiMessage),
		stream: true,
		stream_options: { include_usage: true },
		temperature: settings.temperature,
		top_p: settings.topP,
		max_tokens: settings.maxTokens,
		...(settings.stop.length > 0 ? { stop: settings.stop.slice(0, MaxStopSequences) } : {}),
		...(settings.seed === undefined ? {} : { seed: settings.seed }),
		...dialectSampling(input.dialect, settings),
		...(input.format === undefined ? {} : { response_format: toResponseFormat(input.format) }),
	};
}

function dialectSampling(dialect: OpenAiDialect, settings: ResolvedGenerationSettings): Record<string, number> {
	switch (dialect) {
		case 'vllm':
			return { top_k: settings.topK, repetition_penalty: settings.repeatPenalty };
		case 'llama.cpp':
			return { top_k: settings.topK, repeat_penalty: settings.repeatPenalty };
		case 'openai':
			// Hosted APIs refuse parameters they do not know; their penalties mean something else than Ollama's.
			return {};
	}
}

function toResponseFormat(format: 'json' | Record<string, unknown>): Record<string, unknown> {
	if (format === 'json') return { type: 'json_object' };
	return { type: 'json_schema', json_schema: { name: 'answer', schema: format } };
}

function toOpenAiMessage(message: ChatMessage): Record<string, unknown> {
	if (!message.images?.length) return { role: message.role, content: message.content };
	return {
		role: message.role,
		content: [
			{ type: 'text', text: message.content },
			...message.images.map((image) => ({ type: 'image_url', image_url: { url: `data:${imageMediaType(image)};base64,${image}` } })),
		],
	};
}

// Images travel as bare base64 (Ollama's form); a data URL must name the type, which the first bytes tell.
function imageMediaType(base64: string): string {
	if (base64.startsWith('iVBORw0KGgo')) return 'image/png';
	if (base64.startsWith('/9j/')) return 'image/jpeg';
	if (base64.startsWith('R0lGOD')) return 'image/gif';
	if (base64.startsWith('UklGR')) return 'image/webp';
	return 'application/octet-stream';
}
