/** Whether a URL belongs to the Ollama-compatible front, whose errors are `{"error": "..."}` only. */
export function isOllamaRoute(url: string): boolean {
	return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}
