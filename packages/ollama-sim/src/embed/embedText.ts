import { createRandom } from '../text/createRandom.js';
import { hashText } from '../text/hashText.js';

/**
 * A deterministic unit vector for a text: the sum of one pseudo-random vector per lower-cased word,
 * normalised, so texts that share words are close (cosine) and identical texts are identical.
 */
export function embedText(text: string, dimensions: number, model: string): number[] {
	const vector = new Float64Array(dimensions);
	const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [text];
	for (const word of words) {
		const random = createRandom(hashText(`${model}\u0000${word}`));
		for (let index = 0; index < dimensions; index += 1) vector[index] = (vector[index] ?? 0) + (random.next() * 2 - 1);
	}
	let norm = 0;
	for (const value of vector) norm += value * value;
	const scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
	// Float32 precision, as Ollama returns.
	return Array.from(vector, (value) => Math.fround(value * scale));
}
