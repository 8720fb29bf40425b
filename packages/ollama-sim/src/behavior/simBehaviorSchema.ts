import { z } from 'zod';
import { sloppyKinds } from '../sloppy/sloppyKinds.js';
import { simFaults } from './SimBehavior.js';

/** Validates a partial behaviour from the control endpoint, the CLI or {@link OllamaSim.setBehavior}. */
export const simBehaviorSchema = z
	.object({
		fault: z.enum(simFaults, { error: `must be one of ${simFaults.join(', ')}` }),
		faultRate: z.number({ error: 'must be a number' }).min(0, 'must be 0..1').max(1, 'must be 0..1'),
		slowFactor: z.number({ error: 'must be a number' }).positive('must be greater than 0').max(1000, 'must be at most 1000'),
		forgottenModels: z.array(z.string().min(1, 'must not be empty')),
		faultScope: z.enum(['inference', 'all'], { error: 'must be inference or all' }),
		sloppy: z.number({ error: 'must be a number' }).min(0, 'must be 0..1').max(1, 'must be 0..1'),
		sloppyKinds: z
			.array(z.enum(sloppyKinds, { error: `must be one of ${sloppyKinds.join(', ')}` }), { error: 'must be a list of kinds' })
			.min(1, 'must list at least one kind'),
		retryAfterSeconds: z
			.number({ error: 'must be a number' })
			.int('must be a whole number of seconds')
			.min(0, 'must be 0 or more')
			.max(86_400, 'must be at most 86400'),
	})
	.partial()
	.strict();
