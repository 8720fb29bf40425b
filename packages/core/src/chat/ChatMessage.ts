/** One message of an Ollama chat request. */
export interface ChatMessage {
	readonly role: 'system' | 'user' | 'assistant';
	readonly content: string;
	/** Pictures for a vision model to see with this message: base64 PNG or JPEG, no `data:` prefix. */
	readonly images?: readonly string[];
}
