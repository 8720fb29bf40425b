import { LlmError, UpstreamError } from '../../errors/LlmError.js';
import type { HostChatRequest, HostChatResult } from '../../generation/chatOnHost.js';
import { describeNetworkFailure } from '../../generation/describeNetworkFailure.js';
import { runHostAttempt } from '../../generation/runHostAttempt.js';
import { bearer } from '../bearer.js';
import { classifyOpenAiFailure } from './classifyOpenAiFailure.js';
import { chatCompletionChunkSchema } from './openAiSchemas.js';
import { readServerSentEvents } from './readServerSentEvents.js';
import { toOpenAiBody } from './toOpenAiBody.js';

/**
 * Streams one chat from an OpenAI-compatible host (`POST {base}/chat/completions`, server-sent events), bounded by a
 * first-token and a total timeout and the caller's signal; every event is validated and failures are sorted for the
 * retry logic as Ollama's are.
 */
export async function chatOnOpenAiHost(request: HostChatRequest): Promise<HostChatResult> {
	return runHostAttempt(
		request,
		async ({ signal, firstToken }) => {
			const response = await request.fetch(`${request.host}/chat/completions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(request.apiKey) },
				body: JSON.stringify(
					toOpenAiBody({
						model: request.model,
						messages: request.messages,
						settings: request.settings,
						format: request.format,
						dialect: request.dialect ?? 'openai',
					}),
				),
				signal,
			});
			if (!response.ok) throw await classifyOpenAiFailure(response, request.host, request.model);
			if (response.body === null) throw new UpstreamError(request.host, 'answered with no body');
			let text = '';
			let model = request.model;
			let finishReason: string | undefined;
			let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
			let deltas = 0;
			for await (const data of readServerSentEvents(response.body)) {
				if (data === '[DONE]') break;
				let raw: unknown;
				try {
					raw = JSON.parse(data);
				} catch {
					throw new UpstreamError(request.host, `malformed event: ${JSON.stringify(data.slice(0, 80))} is not JSON`);
				}
				const chunk = chatCompletionChunkSchema.safeParse(raw);
				if (!chunk.success)
					throw new UpstreamError(request.host, `malformed chunk: ${chunk.error.issues[0]?.path.join('.')} ${chunk.error.issues[0]?.message}`);
				const { error } = chunk.data;
				if (error !== undefined) throw new UpstreamError(request.host, `failed mid-stream: ${typeof error === 'string' ? error : error.message}`);
				model = chunk.data.model ?? model;
				usage = chunk.data.usage ?? usage;
				for (const choice of chunk.data.choices) {
					const piece = choice.delta?.content ?? '';
					if (piece !== '') deltas += 1;
					text += piece;
					finishReason = choice.finish_reason ?? finishReason;
				}
				// The first token is the first text (or the end): some servers send the role's empty delta before any work.
				if (deltas > 0 || finishReason !== undefined) firstToken();
			}
			if (finishReason === undefined) throw new UpstreamError(request.host, 'stream ended before the final chunk');
			return {
				text,
				model,
				promptTokens: usage?.prompt_tokens ?? 0,
				// A server that ignores `include_usage` still sends about one token a delta.
				evalTokens: usage?.completion_tokens ?? deltas,
				doneReason: finishReason,
				loadMs: 0,
				firstTokenMs: firstToken(),
			};
		},
		(error) => (error instanceof LlmError ? error : describeNetworkFailure(error, request.host)),
	);
}
