/** Every BullMQ queue of the platform, by its job. */
export const QueueName = {
	/** Gateway → message-router: a Discord message or command a character should answer. */
	Route: 'route',
	/** Message-router → quality-control: a generated candidate reply to score. */
	Review: 'review',
	/** Quality-control → delivery: a reply that passed, to post to Discord. */
	Deliver: 'deliver',
} as const;

/** The name of one of the platform's queues. */
export type QueueName = (typeof QueueName)[keyof typeof QueueName];
