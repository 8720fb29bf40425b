import type { HostKind } from '../settings/hostKinds.js';
import type { HostApi } from './HostApi.js';
import { ollamaApi } from './ollama/ollamaApi.js';
import { openAiApi } from './openai/openAiApi.js';

const apis: Readonly<Record<HostKind, HostApi>> = { ollama: ollamaApi, openai: openAiApi };

/** The API implementation for a host kind. */
export function hostApiFor(kind: HostKind): HostApi {
	return apis[kind];
}
