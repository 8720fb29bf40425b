import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { EmulatorInputError } from '../errors/EmulatorInputError.js';
import { type CompiledRoute, compileRoutes, matchRoute } from '../rest/matchRoute.js';
import { type ControlRoute, controlRoutes, type EmulatorInfo } from './controlRoutes.js';
import type { EmulatorControl } from './EmulatorControl.js';

/** Serves the control API as JSON over HTTP under `/_emu/`. */
export class ControlHttp {
	readonly #routes: CompiledRoute<ControlRoute>[] = compileRoutes(controlRoutes);
	readonly #control: EmulatorControl;
	readonly #info: EmulatorInfo;

	public constructor(control: EmulatorControl, info: EmulatorInfo) {
		this.#control = control;
		this.#info = info;
	}

	/** Handles one request whose path is already stripped of `/_emu`. */
	public async handle(request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
		const match = matchRoute(this.#routes, request.method ?? 'GET', path);
		if (match.kind === 'none') {
			request.resume();
			return send(response, match.methods.length > 0 ? 405 : 404, { error: `no control route ${request.method} /_emu${path}` });
		}
		try {
			const body = await readJson(request);
			const result = await match.compiled.route.handle({ params: match.params, query, body, control: this.#control, info: this.#info });
			send(response, 200, result);
		} catch (error) {
			if (error instanceof EmulatorInputError) return send(response, 400, { error: error.message });
			if (error instanceof DiscordApiFailure) return send(response, error.status, { error: error.body.message, discord: error.body });
			if (error instanceof Error && error.message.startsWith('Timed out')) return send(response, 408, { error: error.message });
			console.error(`discord-emulator: control ${request.method} ${path} failed`, error);
			send(response, 500, { error: error instanceof Error ? error.message : String(error) });
		}
	}
}

// Room for a message's attachments in base64 (10 MiB files) without letting one request fill the memory.
const maxBodyBytes = 40 * 1024 * 1024;

async function readJson(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > maxBodyBytes) throw new EmulatorInputError(`request body is over ${maxBodyBytes} bytes`);
		chunks.push(chunk as Buffer);
	}
	if (chunks.length === 0) return undefined;
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch {
		throw new EmulatorInputError('request body is not valid JSON');
	}
}

function send(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
	response.end(JSON.stringify(body ?? null));
}
