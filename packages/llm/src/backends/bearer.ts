/** The `Authorization` header for a host's API key; none without a key. */
export function bearer(apiKey: string | undefined): Record<string, string> {
	return apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` };
}
