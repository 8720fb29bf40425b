import { RequestValidationError } from './RequestValidationError.js';

/**
 * Refuses a model the service is not configured to serve (a 400 naming it), before the pool sees the request:
 * no host call, cache lookup or metric is made for a name a client made up.
 */
export function requireServedModel(model: string, served: ReadonlySet<string>): void {
	if (served.has(model)) return;
	const configured = [...served].sort().join(', ');
	throw new RequestValidationError([
		{ field: 'model', message: `${JSON.stringify(model)} is not a model this service serves; the configured models are ${configured}` },
	]);
}
