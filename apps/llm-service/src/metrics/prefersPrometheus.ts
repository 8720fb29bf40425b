/**
 * Whether `GET /metrics` should answer in Prometheus text: the `Accept` header asks for `text/plain` or
 * OpenMetrics (as Prometheus scrapers do) and not for JSON. Browsers and curl get JSON.
 */
export function prefersPrometheus(accept: string | undefined): boolean {
	const types = (accept ?? '')
		.toLowerCase()
		.split(',')
		.map((part) => part.split(';')[0]?.trim() ?? '');
	if (types.includes('application/json')) return false;
	return types.includes('text/plain') || types.includes('application/openmetrics-text');
}
