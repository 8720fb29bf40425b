/** The APIs a model host may speak: Ollama's own, or OpenAI's chat completions (vLLM, llama.cpp's server, LM Studio, hosted APIs). */
export const HostKinds = ['ollama', 'openai'] as const;

/** Which sampling parameters beyond OpenAI's an OpenAI-compatible server takes (`top_k`, and its repeat penalty's name). */
export const OpenAiDialects = ['openai', 'vllm', 'llama.cpp'] as const;

/** The kind of a host. */
export type HostKind = (typeof HostKinds)[number];

/** The dialect of an OpenAI-compatible host. */
export type OpenAiDialect = (typeof OpenAiDialects)[number];
