/** Why a parsed chat or generate request gets no reply; each API words and codes these its own way. */
export type InferenceRefusal =
	| { readonly reason: 'model-not-found'; readonly model: string }
	| { readonly reason: 'not-a-completion-model'; readonly model: string; readonly kind: 'chat' | 'generate' }
	| { readonly reason: 'thinking-unsupported'; readonly model: string }
	| { readonly reason: 'queue-full'; readonly message: string }
	| { readonly reason: 'image-input-unsupported' }
	| { readonly reason: 'context-length-exceeded'; readonly contextLength: number; readonly promptTokens: number; readonly completionTokens: number };
