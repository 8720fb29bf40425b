import { describe, expect, it } from 'vitest';
import { isVisionModelName } from './isVisionModelName.js';

describe('isVisionModelName', () => {
	it('knows the vision families of the Ollama library, and gemma3 sizes without a projector', () => {
		for (const name of [
			'llava:7b',
			'llava:latest',
			'bakllava:latest',
			'llama3.2-vision:11b',
			'gemma3:4b',
			'gemma3:27b-it-qat',
			'qwen2.5vl:7b',
			'minicpm-v:8b',
			'moondream:latest',
			'granite3.2-vision:2b',
			'mistral-small3.1:24b',
			'library/llava:13b',
		]) {
			expect(isVisionModelName(name), name).toBe(true);
		}
		for (const name of [
			'llama3.2:1b',
			'gemma3:1b',
			'gemma3:270m',
			'gemma3:1b-it-qat',
			'qwen2.5:7b',
			'mistral-small:24b',
			'nomic-embed-text:latest',
			'llava-ish:7b',
		]) {
			expect(isVisionModelName(name), name).toBe(false);
		}
	});
});
