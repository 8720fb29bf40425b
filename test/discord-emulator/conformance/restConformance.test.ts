import { mkdirSync, writeFileSync } from 'node:fs';
import { allRoutes, type DiscordEmulator, GatewayIntents, startDiscordEmulator } from '@charbot/discord-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConformanceKit, createConformanceKit } from './ConformanceKit.js';
import { DiscordSpec, type SpecRequest } from './DiscordSpec.js';
import { RawGateway } from './RawGateway.js';
import { routeCases } from './routeCases.js';
import { specExceptions } from './specExceptions.js';

const artifacts = new URL('../../../test-artifacts/', import.meta.url);

/** One case's outcome, for the report. */
interface CaseOutcome {
	readonly route: string;
	readonly title: string;
	readonly operationId: string | null;
	readonly problems: readonly string[];
	readonly exceptionsUsed: readonly string[];
}

describe("the emulator's REST routes conform to Discord's OpenAPI spec", () => {
	const spec = DiscordSpec.load();
	const outcomes: CaseOutcome[] = [];
	const routeLabels = allRoutes.map((route) => `${route.method} ${route.pattern}`);
	let emulator: DiscordEmulator;
	let gateway: RawGateway;
	let kit: ConformanceKit;

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ interactionCallbackTimeoutMs: 30_000 });
		gateway = await RawGateway.connect(
			emulator.gatewayUrl,
			emulator.token,
			GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.MessageContent,
		);
		kit = createConformanceKit(emulator, gateway);
	});

	afterAll(async () => {
		gateway?.close();
		await emulator?.close();
		const failing = new Set(outcomes.filter((outcome) => outcome.problems.length > 0).map((outcome) => outcome.route));
		const checked = new Set(outcomes.map((outcome) => outcome.route));
		mkdirSync(artifacts, { recursive: true });
		const report = {
			spec: spec.title,
			routes: { total: routeLabels.length, checked: checked.size, conforming: [...checked].filter((route) => !failing.has(route)).length },
			cases: { total: outcomes.length, conforming: outcomes.filter((outcome) => outcome.problems.length === 0).length },
			exceptions: specExceptions.map((exception) => ({
				id: exception.id,
				schema: exception.schema,
				cases: outcomes.filter((outcome) => outcome.exceptionsUsed.includes(exception.id)).length,
			})),
			nonConforming: outcomes.filter((outcome) => outcome.problems.length > 0),
		};
		writeFileSync(new URL('discord-emulator-conformance-rest.json', artifacts), `${JSON.stringify(report, null, '\t')}\n`);
	});

	it('has a case with a 2xx answer for every route the emulator serves, and no case for a route it does not', () => {
		const covered = new Set(routeCases.filter((routeCase) => routeCase.status < 300).map((routeCase) => routeCase.route));
		expect(
			routeLabels.filter((label) => !covered.has(label)),
			'routes without a 2xx case in routeCases.ts',
		).toEqual([]);
		expect(
			routeCases.map((routeCase) => routeCase.route).filter((label) => !routeLabels.includes(label)),
			'cases naming no emulator route',
		).toEqual([]);
	});

	for (const routeCase of routeCases) {
		it(`${routeCase.route}: ${routeCase.title} (${routeCase.status})`, async () => {
			const request = await routeCase.request(kit);
			const operation = spec.findOperation(request.method, request.path);
			const before = emulator.control.stats().rest.requestsByRoute[routeCase.route] ?? 0;
			const reply = await kit.send(request);
			const problems: string[] = [];
			const exceptionsUsed: string[] = [];
			if ((emulator.control.stats().rest.requestsByRoute[routeCase.route] ?? 0) !== before + 1)
				problems.push(`${request.method} ${request.path} did not reach the emulator route ${routeCase.route}`);
			if (reply.status !== routeCase.status) problems.push(`answered ${reply.status}, expected ${routeCase.status}: ${JSON.stringify(reply.body)}`);
			if (!operation) problems.push(`the spec has no operation for ${request.method} ${request.path}`);
			else {
				const sent: SpecRequest = {
					query: request.query ?? {},
					body: request.body,
					contentType: request.files && request.files.length > 0 ? 'multipart/form-data' : request.body === undefined ? null : 'application/json',
				};
				for (const verdict of [spec.checkRequest(operation, sent), spec.checkResponse(operation, reply.status, reply.body)]) {
					problems.push(...verdict.problems);
					exceptionsUsed.push(...verdict.exceptionsUsed);
				}
			}
			outcomes.push({ route: routeCase.route, title: routeCase.title, operationId: operation?.operationId ?? null, problems, exceptionsUsed });
			expect(problems, `${operation?.operationId ?? routeCase.route} against the spec`).toEqual([]);
			await routeCase.verify?.(reply.body, kit);
		});
	}

	it('needs every named spec exception (an unused one is stale and must go)', () => {
		const unused = specExceptions.filter((exception) => !outcomes.some((outcome) => outcome.exceptionsUsed.includes(exception.id)));
		expect(unused.map((exception) => exception.id)).toEqual([]);
	});
});
