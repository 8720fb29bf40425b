/** A model of the simulated host, every figure resolved. */
export interface SimModel {
	/** Normalised name, always with a tag, e.g. `llama3.2:1b`. */
	readonly name: string;
	readonly tokensPerSecond: number;
	readonly promptTokensPerSecond: number;
	readonly loadMs: number;
	readonly sizeBytes: number;
	/** 64 hex characters, without `sha256:`. */
	digest: string;
	modifiedAt: Date;
	readonly family: string;
	readonly parameterSize: string;
	readonly quantization: string;
	readonly embeddingLength: number;
	readonly contextLength: number;
	/** `completion` for chat models (and `vision` for those that see images), `embedding` for embedding models (a name containing "embed"). */
	readonly capabilities: readonly ('completion' | 'vision' | 'embedding')[];
}
