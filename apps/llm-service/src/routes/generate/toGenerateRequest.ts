import type { GenerateRequest } from '@charbot/llm';
import type { GenerateBody } from './generateBodySchema.js';

/** Turns a `POST /generate` body into a pool request; `system` goes first when `messages` are given. */
export function toGenerateRequest(body: GenerateBody): GenerateRequest {
	const settings = body.settings ?? {};
	const messages = body.messages && [...(body.system === undefined ? [] : [{ role: 'system' as const, content: body.system }]), ...body.messages];
	return {
		...(messages === undefined ? {} : { messages }),
		...(body.prompt === undefined ? {} : { prompt: body.prompt }),
		...(body.system === undefined || messages !== undefined ? {} : { system: body.system }),
		...(body.character === undefined ? {} : { character: body.character }),
		...(body.role === undefined ? {} : { role: body.role }),
		...(body.model === undefined ? {} : { model: body.model }),
		...(body.format === undefined ? {} : { format: body.format }),
		...(body.conversation_id === undefined ? {} : { conversationId: body.conversation_id }),
		useCache: body.use_cache,
		settings: {
			temperature: settings.temperature,
			maxTokens: settings.max_tokens,
			topP: settings.top_p,
			topK: settings.top_k,
			repeatPenalty: settings.repeat_penalty,
			stop: settings.stop,
			seed: settings.seed,
		},
	};
}
