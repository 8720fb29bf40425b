import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody } from '../http/readJsonBody.js';
import { sendError, sendJson } from '../http/sendJson.js';
import { normalizeModelName } from '../models/normalizeModelName.js';
import type { SimContext } from '../SimContext.js';

interface Step {
	readonly atMs: number;
	readonly line: Record<string, unknown>;
}

/**
 * `POST /api/pull`: streams Ollama's progress lines (manifest, each layer with total/completed, verify,
 * write, success) over `pullMs`. Any well-formed name can be pulled; the model then appears in
 * `/api/tags`, and a forgotten model comes back.
 */
export async function handlePull(request: IncomingMessage, response: ServerResponse, context: SimContext): Promise<void> {
	const body = await readJsonBody(request, 'api.PullRequest');
	const raw = typeof body.model === 'string' && body.model !== '' ? body.model : typeof body.name === 'string' ? body.name : '';
	if (raw === '' || !/^[\w.\-/]+(:[\w.-]+)?$/.test(raw)) return sendError(response, 400, 'invalid model name');
	const name = normalizeModelName(raw);
	context.stats.model(name);
	const known = context.models.find(name) !== undefined;
	const sizeBytes = context.models.find(name)?.model.sizeBytes ?? 2_019_377_376;
	const steps = planPull(name, sizeBytes, (known ? context.options.pullMs / 10 : context.options.pullMs) * context.behavior.slowFactor);
	const finish = async () => {
		context.models.add(name);
		if (context.behavior.forgottenModels.some((model) => normalizeModelName(model) === name)) {
			await context.setBehavior({ forgottenModels: context.behavior.forgottenModels.filter((model) => normalizeModelName(model) !== name) });
		}
	};
	const stream = body.stream !== false;
	const started = performance.now();
	const timers = new Set<NodeJS.Timeout>();
	response.once('close', () => {
		for (const timer of timers) clearTimeout(timer);
	});
	for (const [index, step] of steps.entries()) {
		const last = index === steps.length - 1;
		if (!stream && !last) continue;
		const timer = setTimeout(
			() => {
				timers.delete(timer);
				if (response.destroyed) return;
				if (!stream) {
					void finish().then(() => sendJson(response, 200, step.line));
					return;
				}
				if (!response.headersSent) response.writeHead(200, { 'content-type': 'application/x-ndjson' });
				if (!last) {
					response.write(`${JSON.stringify(step.line)}\n`);
					return;
				}
				void finish().then(() => response.end(`${JSON.stringify(step.line)}\n`));
			},
			Math.max(0, step.atMs - (performance.now() - started)),
		);
		timers.add(timer);
	}
}

function planPull(name: string, sizeBytes: number, pullMs: number): Step[] {
	const digest = (part: string) => `sha256:${createHash('sha256').update(`${name}/${part}`).digest('hex')}`;
	const layers = [
		{ digest: digest('model'), total: sizeBytes },
		{ digest: digest('template'), total: 1_429 },
		{ digest: digest('license'), total: 7_711 },
		{ digest: digest('params'), total: 96 },
	];
	const steps: Step[] = [{ atMs: 0, line: { status: 'pulling manifest' } }];
	const downloadMs = pullMs * 0.8;
	const [model, ...small] = layers;
	if (model) {
		const status = `pulling ${model.digest.slice(7, 19)}`;
		for (let tick = 0; tick <= 10; tick += 1) {
			steps.push({
				atMs: pullMs * 0.05 + (downloadMs * tick) / 10,
				line: { status, digest: model.digest, total: model.total, completed: Math.round((model.total * tick) / 10) },
			});
		}
	}
	for (const layer of small) {
		steps.push({
			atMs: pullMs * 0.86,
			line: { status: `pulling ${layer.digest.slice(7, 19)}`, digest: layer.digest, total: layer.total, completed: layer.total },
		});
	}
	steps.push({ atMs: pullMs * 0.9, line: { status: 'verifying sha256 digest' } });
	steps.push({ atMs: pullMs * 0.95, line: { status: 'writing manifest' } });
	steps.push({ atMs: pullMs, line: { status: 'success' } });
	return steps;
}
