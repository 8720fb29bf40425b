import type { ServerLoad } from '../../hosts/ServerLoad.js';

const gauge = /^vllm:num_requests_(running|waiting)(?:\{[^}]*\})?\s+([0-9.eE+-]+)/gmu;

/** vLLM's running and waiting request gauges from its Prometheus text (summed over models); `null` when it has neither. */
export function readVllmLoad(text: string): ServerLoad | null {
	let running: number | undefined;
	let waiting: number | undefined;
	for (const match of text.matchAll(gauge)) {
		const value = Number(match[2]);
		if (!Number.isFinite(value)) continue;
		if (match[1] === 'running') running = (running ?? 0) + value;
		else waiting = (waiting ?? 0) + value;
	}
	if (running === undefined && waiting === undefined) return null;
	return { running: running ?? 0, waiting: waiting ?? 0 };
}
