/**
 * Prompt tokens one image adds: the figure Ollama's server budgets per image when it fits chat messages into
 * `num_ctx` (server/routes.go), between the 256 embeddings of gemma3's encoder and the 576 of llava 1.5's.
 */
export const tokensPerImage = 768;
