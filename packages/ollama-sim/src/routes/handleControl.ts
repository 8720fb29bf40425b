import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SimBehavior } from '../behavior/SimBehavior.js';
import { simBehaviorSchema } from '../behavior/simBehaviorSchema.js';
import { BadRequestError } from '../http/BadRequestError.js';
import { readJsonBody } from '../http/readJsonBody.js';
import { sendError, sendJson } from '../http/sendJson.js';
import type { SimContext } from '../SimContext.js';

const behaviorChangeSchema = simBehaviorSchema.extend({ revertAfterMs: z.number().positive('must be greater than 0').optional() }).strict();
const scriptSchema = z
	.object({
		match: z.string().min(1, 'must not be empty'),
		regex: z.boolean().optional(),
		flags: z
			.string()
			.regex(/^[imsu]*$/, 'may hold only i, m, s, u')
			.optional(),
		reply: z.string(),
		model: z.string().min(1).optional(),
		times: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
	})
	.strict();
const digestSchema = z.object({ model: z.string().min(1, 'must not be empty'), digest: z.string() }).strict();

/** The control endpoints a person or a test uses over HTTP; the package README lists them. */
export const controlEndpoints = [
	'GET /_sim/stats',
	'POST /_sim/stats/reset',
	'GET /_sim/behavior',
	'POST /_sim/behavior {fault?, faultRate?, slowFactor?, forgottenModels?, faultScope?, sloppy?, sloppyKinds?, retryAfterSeconds?, revertAfterMs?}',
	'GET /_sim/sloppy',
	'GET /_sim/requests',
	'GET /_sim/scripts',
	'POST /_sim/scripts {match, regex?, flags?, reply, model?, times?}',
	'DELETE /_sim/scripts',
	'POST /_sim/models {name, ...SimModelOptions}',
	'POST /_sim/digest {model, digest}',
] as const;

/** Serves `/_sim/*`; these requests are never faulted or counted. */
export async function handleControl(path: string, request: IncomingMessage, response: ServerResponse, context: SimContext): Promise<void> {
	const route = `${request.method ?? 'GET'} ${path.replace(/\/+$/, '')}`;
	switch (route) {
		case 'GET /_sim':
			return sendJson(response, 200, { name: context.options.name, simulated: true, endpoints: controlEndpoints });
		case 'GET /_sim/stats':
			return sendJson(response, 200, context.stats.snapshot());
		case 'POST /_sim/stats/reset':
			context.stats.reset();
			return sendJson(response, 200, context.stats.snapshot());
		case 'GET /_sim/behavior':
			return sendJson(response, 200, context.behavior);
		case 'GET /_sim/sloppy': {
			const records = context.stats.sloppyRecords();
			return sendJson(response, 200, { count: records.length, records });
		}
		case 'GET /_sim/requests': {
			const records = context.stats.requestRecords();
			return sendJson(response, 200, { count: records.length, records });
		}
		case 'POST /_sim/behavior':
		case 'PUT /_sim/behavior':
		case 'PATCH /_sim/behavior': {
			const { revertAfterMs, ...parsed } = parse(behaviorChangeSchema, await readJsonBody(request, 'behavior'));
			const change = parsed as Partial<SimBehavior>;
			const previous = context.behavior;
			if (revertAfterMs !== undefined) setTimeout(() => void context.setBehavior(previous), revertAfterMs).unref();
			if (change.fault !== 'refuse') {
				await context.setBehavior(change);
				return sendJson(response, 200, context.behavior);
			}
			// Close the port and the other connections first, then answer on this one and close it too, so
			// the client's next request meets the closed port rather than a dying pooled connection.
			await context.setBehavior(change, request.socket);
			response.setHeader('connection', 'close');
			return sendJson(response, 200, context.behavior);
		}
		case 'GET /_sim/scripts':
			return sendJson(response, 200, { count: context.scripts.size });
		case 'POST /_sim/scripts': {
			const script = parse(scriptSchema, await readJsonBody(request, 'script'));
			let match: RegExp | string = script.match;
			if (script.regex) {
				try {
					match = new RegExp(script.match, script.flags ?? '');
				} catch (error) {
					throw new BadRequestError(`match: ${(error as Error).message}`);
				}
			}
			context.scripts.add({
				match,
				reply: script.reply,
				...(script.model === undefined ? {} : { model: script.model }),
				...(script.times === undefined ? {} : { times: script.times }),
			});
			return sendJson(response, 200, { count: context.scripts.size });
		}
		case 'DELETE /_sim/scripts':
			context.scripts.clear();
			return sendJson(response, 200, { count: 0 });
		case 'POST /_sim/models': {
			const body = await readJsonBody(request, 'model');
			if (typeof body.name !== 'string') throw new BadRequestError('name: must be a model name');
			const entry = context.models.add(body as { name: string });
			return sendJson(response, 200, { name: entry.model.name, digest: entry.model.digest });
		}
		case 'POST /_sim/digest': {
			const { model, digest } = parse(digestSchema, await readJsonBody(request, 'digest'));
			try {
				context.models.setDigest(model, digest);
			} catch (error) {
				return sendError(response, 404, (error as Error).message);
			}
			return sendJson(response, 200, { model, digest });
		}
		default:
			return sendError(response, 404, `no control route ${route}; GET /_sim lists them`);
	}
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
	const result = schema.safeParse(body);
	if (result.success) return result.data;
	throw new BadRequestError(result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
}
