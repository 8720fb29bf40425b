/** Adds the implicit `:latest` tag, as Ollama does: `llama3.2` and `llama3.2:latest` are one model. */
export function normalizeModelName(name: string): string {
	const trimmed = name.trim();
	const lastSegment = trimmed.slice(trimmed.lastIndexOf('/') + 1);
	return lastSegment.includes(':') ? trimmed : `${trimmed}:latest`;
}
