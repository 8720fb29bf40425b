import { simulatedMarker } from './simulatedMarker.js';

/** A message without its simulated-reply marker lines: earlier simulated replies come back in later prompts. */
export function withoutSimulatedMarker(text: string): string {
	return text
		.split('\n')
		.filter((line) => line.trim() !== simulatedMarker)
		.join('\n')
		.trim();
}
