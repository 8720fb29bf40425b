import { describe, expect, it } from 'vitest';
import { prefersPrometheus } from './prefersPrometheus.js';

describe('prefersPrometheus', () => {
	it('serves Prometheus text to scrapers', () => {
		expect(prefersPrometheus('application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1')).toBe(true);
		expect(prefersPrometheus('text/plain')).toBe(true);
	});

	it('serves JSON to curl, browsers and clients asking for JSON', () => {
		expect(prefersPrometheus(undefined)).toBe(false);
		expect(prefersPrometheus('*/*')).toBe(false);
		expect(prefersPrometheus('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(false);
		expect(prefersPrometheus('application/json, text/plain')).toBe(false);
	});
});
