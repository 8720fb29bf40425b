import { describe, expect, it } from 'vitest';
import { readVllmLoad } from './readVllmLoad.js';

describe('readVllmLoad', () => {
	it("sums vLLM's running and waiting gauges over models", () => {
		const text = [
			'# HELP vllm:num_requests_running Number of requests currently running.',
			'# TYPE vllm:num_requests_running gauge',
			'vllm:num_requests_running{engine="0",model_name="a"} 3.0',
			'vllm:num_requests_running{engine="0",model_name="b"} 2.0',
			'vllm:num_requests_waiting{engine="0",model_name="a"} 4.0',
			'vllm:gpu_cache_usage_perc{model_name="a"} 0.5',
		].join('\n');
		expect(readVllmLoad(text)).toEqual({ running: 5, waiting: 4 });
	});

	it('is null for a server that publishes neither gauge', () => {
		expect(readVllmLoad('process_cpu_seconds_total 12.5\n')).toBeNull();
	});
});
