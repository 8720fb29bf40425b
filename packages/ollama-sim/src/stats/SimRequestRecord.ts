import type { SimImage } from '../images/SimImage.js';

/** One chat or generate request that asked for a reply, as `requestRecords()` and `GET /_sim/requests` list it. */
export interface SimRequestRecord {
	/** When it arrived (ISO 8601). */
	readonly at: string;
	readonly kind: 'chat' | 'generate';
	/** The API it came through: Ollama's `/api/*` or the OpenAI-compatible `/v1/*`. */
	readonly api: 'ollama' | 'openai';
	/** The model, normalised as in `/api/tags` when the simulator has it, else as the client spelled it. */
	readonly model: string;
	/** The images it carried, in order (empty when none). */
	readonly images: readonly SimImage[];
}
