import { DefaultImageLimits, fetchImages, type ImageLimits } from '@charbot/images';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImageServer, startImageServer } from '../images/startImageServer.js';
import { type HostileImageKind, hostileImageKinds } from './hostile/hostileImageKinds.js';

// Hostile images against fetchImages, as a member's message would bring them: every kind, many times, in parallel with
// good images. Each must be refused with its code, quickly (the slow kinds within the timeout), the good images must
// still be seen, and the process's memory must not jump: the bomb inflates to 400 MB if anything decodes it.
const rounds = 12;
const bombSide = 20_000;
const timeoutMs = 1000;
const rssBoundBytes = 200 * 1024 * 1024;

let server: ImageServer;
let elsewhere: ImageServer;
let kinds: HostileImageKind[];
let limits: ImageLimits;
let good: Buffer;

beforeAll(async () => {
	server = await startImageServer();
	elsewhere = await startImageServer();
	kinds = await hostileImageKinds(elsewhere, bombSide);
	for (const kind of kinds) server.route(kind.path, kind.route);
	good = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: { r: 30, g: 60, b: 90 } } })
		.jpeg()
		.toBuffer();
	server.route('/good.jpg', (_request, response) => void response.writeHead(200, { 'content-type': 'image/jpeg' }).end(good));
	limits = { ...DefaultImageLimits, allowedHosts: [server.host], timeoutMs };
});
afterAll(async () => {
	await server?.close();
	await elsewhere?.close();
});

describe('hostile images', () => {
	it('are each refused cleanly with their code, quickly, while good images are still seen and memory stays flat', async () => {
		// One round first, so sharp, libvips and the sockets are loaded before memory is measured.
		await runRound(0);
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
		const durations: Record<string, number[]> = {};
		try {
			for (let round = 1; round <= rounds; round += 1) {
				for (const [name, ms] of Object.entries(await runRound(round))) (durations[name] ??= []).push(ms);
			}
		} finally {
			clearInterval(sampler);
		}
		for (const kind of kinds) {
			const slowest = Math.max(...(durations[kind.name] ?? [Infinity]));
			expect(slowest, `${kind.name}: slowest refusal in ms`).toBeLessThan(kind.slow ? timeoutMs + 1000 : 1000);
		}
		expect(elsewhere.requests, 'requests that reached the host images may not come from').toEqual([]);
		const jump = peak - baseline;
		console.warn(`hostile images: ${rounds} rounds of ${kinds.length} kinds, RSS ${mib(baseline)} → peak ${mib(peak)} (+${mib(jump)})`);
		expect(jump, `RSS jump in bytes (bound ${mib(rssBoundBytes)})`).toBeLessThan(rssBoundBytes);
	});
});

/** Every hostile kind once, in parallel with each other and a good image; returns how long each took to be refused. */
async function runRound(round: number): Promise<Record<string, number>> {
	const durations: Record<string, number> = {};
	const hostile = kinds.map(async (kind) => {
		const startedAt = Date.now();
		const [outcome] = await fetchImages([{ url: server.url(`${kind.path}?round=${round}`), name: `${kind.name}.png` }], limits);
		durations[kind.name] = Date.now() - startedAt;
		expect(outcome, kind.name).toMatchObject({ ok: false, code: kind.code, name: `${kind.name}.png` });
		expect(outcome?.ok === false && outcome.reason.length > 0, `${kind.name} has a reason`).toBe(true);
	});
	const seen = fetchImages([{ url: server.url(`/good.jpg?round=${round}`), name: 'good.jpg' }], limits).then(([outcome]) => {
		expect(outcome, 'a good image among hostile ones').toMatchObject({ ok: true, type: 'jpeg', width: 2000, height: 1500, bytes: good.byteLength });
	});
	await Promise.all([...hostile, seen]);
	return durations;
}

function mib(bytes: number): string {
	return `${Math.round(bytes / 1024 / 1024)} MiB`;
}
