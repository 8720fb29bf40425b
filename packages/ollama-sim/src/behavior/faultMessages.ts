/** The error texts a sick Ollama host sends, as real hosts word them. */
export const faultMessages = {
	http500: 'llama runner process has terminated: exit status 2',
	http503: 'server busy, please try again.  maximum pending requests exceeded',
	http429: 'rate limit exceeded, please retry after the time in Retry-After',
	midstream: 'an error was encountered while running the model: unexpected EOF',
} as const;
