import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ModelEntry } from '../../models/ModelRegistry.js';
import type { SimContext } from '../../SimContext.js';
import { openAiModelId } from './describeOpenAiModel.js';

/** `GET /metrics` (with `api: 'openai'`): vLLM's request gauges per model, from the scheduler's real counts, as Prometheus text. */
export function handleMetrics(_request: IncomingMessage, response: ServerResponse, context: SimContext): void {
	const entries = context.models.visible();
	const gauge = (name: string, help: string, value: (entry: ModelEntry) => number) => [
		`# HELP ${name} ${help}`,
		`# TYPE ${name} gauge`,
		...entries.map((entry) => `${name}{model_name=${JSON.stringify(openAiModelId(entry.model, 'openai'))}} ${value(entry).toFixed(1)}`),
	];
	const text = `${[
		...gauge('vllm:num_requests_running', 'Number of requests in model execution batches.', (entry) => entry.runtime.slots.active),
		...gauge('vllm:num_requests_waiting', 'Number of requests waiting to be processed.', (entry) => context.scheduler.queuedFor(entry.runtime)),
	].join('\n')}\n`;
	response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(text) });
	response.end(text);
}
