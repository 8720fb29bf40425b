/** A request refused for its credentials: 401 without the right bearer token, 403 when the route is off. */
export class AccessDeniedError extends Error {
	public constructor(
		public readonly statusCode: 401 | 403,
		message: string,
	) {
		super(message);
		this.name = 'AccessDeniedError';
	}

	/** `unauthorized` (401) or `forbidden` (403), the `code` of the JSON answer. */
	public get code(): 'unauthorized' | 'forbidden' {
		return this.statusCode === 401 ? 'unauthorized' : 'forbidden';
	}
}
