import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppName, type PlatformHarness, seededChannel, seededUser, startPlatform } from '../pipeline/platformHarness.js';

interface Readiness {
	readonly status: string;
	readonly checks: Record<string, { ok: boolean; detail?: string }>;
}

let platform: PlatformHarness;

beforeAll(async () => {
	// Live hosts are re-checked every second, so a host that goes down is noticed quickly.
	platform = await startPlatform({ env: { HEALTH_CHECK_INTERVAL: '1' } });
}, 90_000);
afterAll(async () => {
	await platform?.close();
});

function healthUrl(name: AppName): string {
	const app = platform.apps.get(name);
	if (app === undefined) throw new Error(`${name} is not running`);
	return app.healthUrl;
}

async function readiness(name: AppName): Promise<{ code: number; body: Readiness }> {
	const response = await fetch(`${healthUrl(name)}/readyz`);
	return { code: response.status, body: (await response.json()) as Readiness };
}

async function metrics(name: AppName): Promise<string> {
	const response = await fetch(`${healthUrl(name)}/metrics`);
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
	return response.text();
}

describe('metrics and readiness of the running platform', () => {
	it('exposes the named series on /metrics of the gateway, router, quality control and delivery after one message went through', async () => {
		const general = seededChannel(platform, 'general');
		platform.emulator.control.postMessage({ channelId: general, authorId: seededUser(platform, 'alice'), content: 'Peter, how are you? tk-metrics' });
		await waitFor(() => platform.botMessages(general).length > 0, 'the reply', 40_000);
		// A worker counts its job once BullMQ has marked it completed, a moment after its work is visible (the reply posted).
		for (const [app, queue] of [
			['message-router', 'route'],
			['quality-control', 'review'],
			['delivery', 'deliver'],
		] as const) {
			const counted = new RegExp(`^charbot_queue_jobs_processed_total\\{queue="${queue}",outcome="completed"\\} 1$`, 'm');
			await waitFor(async () => counted.test(await metrics(app)), `the ${queue} job counted as completed by ${app}`, 10_000);
		}

		const gateway = await metrics('gateway');
		expect(gateway).toMatch(/^charbot_gateway_messages_total\{outcome="enqueued"\} 1$/m);
		expect(gateway).toMatch(/^charbot_gateway_route_jobs_enqueued_total\{trigger="[a-z-]+"\} 1$/m);
		expect(gateway).toMatch(/^charbot_discord_gateway_connected\{shard="0"\} 1$/m);
		expect(gateway).toContain('# TYPE charbot_discord_rest_rate_limits_total counter');
		expect(gateway).toMatch(/^charbot_queue_jobs\{queue="route",state="waiting"\} \d+$/m);
		expect(gateway).toContain('process_cpu_user_seconds_total');

		const router = await metrics('message-router');
		expect(router).toMatch(/^charbot_queue_jobs_processed_total\{queue="route",outcome="completed"\} 1$/m);
		expect(router).toMatch(/^charbot_queue_jobs\{queue="route",state="active"\} \d+$/m);
		expect(router).toMatch(/^charbot_llm_requests_total\{/m);
		expect(router).toMatch(/^charbot_llm_host_up\{host="[^"]+"\} 1$/m);
		expect(router).toMatch(/^charbot_llm_host_in_flight\{host="[^"]+"\} 0$/m);
		// The adaptive limit (MAX_CONCURRENT_REQUESTS unset) starts at 4 and only grows under load one message does not make.
		expect(router).toMatch(/^charbot_llm_host_concurrency_limit\{host="[^"]+"\} 4$/m);
		expect(router).toContain('nodejs_eventloop_lag_seconds');

		const qc = await metrics('quality-control');
		expect(qc).toMatch(/^charbot_qc_reviews_total\{character="peter",outcome="delivered",role="chat"\} 1$/m);
		expect(qc).toMatch(/^charbot_qc_review_score_count\{character="peter"\} 1$/m);
		expect(qc).toContain('# TYPE charbot_qc_regenerations_total counter');
		expect(qc).toContain('# TYPE charbot_qc_escalations_total counter');
		expect(qc).toContain('# TYPE charbot_qc_final_failures_total counter');
		expect(qc).toMatch(/^charbot_queue_jobs_processed_total\{queue="review",outcome="completed"\} 1$/m);

		// Delivery keeps the metric names it had inside quality control, so dashboards keep working.
		const delivery = await metrics('delivery');
		expect(delivery).toMatch(/^charbot_qc_deliveries_total\{character="peter",target="[a-z]+"\} 1$/m);
		expect(delivery).toMatch(/^charbot_qc_delivery_latency_seconds_count\{target="[a-z]+"\} 1$/m);
		expect(delivery).toContain('# TYPE charbot_discord_rest_rate_limits_total counter');
		expect(delivery).toMatch(/^charbot_queue_jobs_processed_total\{queue="deliver",outcome="completed"\} 1$/m);
		expect(delivery).toMatch(/^charbot_queue_jobs\{queue="deliver",state="failed"\} 0$/m);
	}, 60_000);

	it('the gateway reports Discord and Redis on /readyz', async () => {
		expect(await readiness('gateway')).toEqual({ code: 200, body: { status: 'ready', checks: { discord: { ok: true }, redis: { ok: true } } } });
	});

	it('the router turns not ready, with the reason, while every Ollama host is down, and ready again after', async () => {
		await platform.sim.setBehavior({ fault: 'refuse' });
		try {
			await waitFor(async () => (await readiness('message-router')).code === 503, 'the router to turn not ready', 15_000);
			const { body } = await readiness('message-router');
			expect(body.status).toBe('not ready');
			expect(body.checks.ollama?.ok).toBe(false);
			expect(body.checks.ollama?.detail).toMatch(/^no host ready for llama3\.2:1b: http:\/\/127\.0\.0\.1:\d+ .*ECONNREFUSED/);
			expect(body.checks.redis?.ok).toBe(true);
		} finally {
			await platform.sim.setBehavior({ fault: 'none' });
		}
		await waitFor(async () => (await readiness('message-router')).code === 200, 'the router to be ready again', 15_000);
	}, 40_000);

	it('the router and gateway turn not ready, with the reason, while Redis is down, and ready again after', async () => {
		await platform.redis.stop();
		try {
			await waitFor(async () => (await readiness('message-router')).code === 503, 'the router to turn not ready', 15_000);
			const router = await readiness('message-router');
			expect(router.body.checks.redis?.ok).toBe(false);
			expect(router.body.checks.redis?.detail).toEqual(expect.any(String));
			await waitFor(async () => (await readiness('gateway')).code === 503, 'the gateway to turn not ready', 15_000);
			const gateway = await readiness('gateway');
			expect(gateway.body.checks.redis?.ok).toBe(false);
			expect(gateway.body.checks.redis?.detail).toEqual(expect.any(String));
			expect(gateway.body.checks.discord).toEqual({ ok: true });
			// A scrape while Redis is down still answers, without the depths it cannot read; the next one counts the miss.
			expect(await metrics('message-router')).not.toMatch(/^charbot_queue_jobs\{/m);
			expect(await metrics('message-router')).toMatch(/^charbot_queue_depth_scrape_errors_total\{queue="route"\} [1-9]/m);
		} finally {
			await platform.redis.start();
		}
		await waitFor(async () => (await readiness('message-router')).code === 200, 'the router to be ready again', 20_000);
		await waitFor(async () => (await readiness('gateway')).code === 200, 'the gateway to be ready again', 20_000);
	}, 60_000);
});
