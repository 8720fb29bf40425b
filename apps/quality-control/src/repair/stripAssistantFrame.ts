import { locateAssistantFrame } from '../scoring/findAssistantFrame.js';

/**
 * Removes an assistant's frame: a preface in the first part of the reply is cut through the end of its line or
 * colon ("Sure! Here's Peter's reply:"); a frame near the end is cut from its sentence on ("That's how Lois would
 * respond!"). A frame in the middle stays, so the reply still fails.
 */
export function stripAssistantFrame(text: string, names: readonly string[]): string {
	const frame = locateAssistantFrame(text, names);
	if (frame === undefined) return text;
	if (frame.index <= text.length * 0.4) {
		const afterFrame = text.slice(frame.end);
		// A frame that ends at its colon, its dash or the quoted reply is whole; else it runs to its colon or its line.
		if (/[:—–-]\s*$/u.test(frame.text) || /^\s*(?:["*\n]|$)/u.test(afterFrame)) return afterFrame;
		const end = /^[^\n:"]*?:|^[^\n"]*?(?:\n|$)/u.exec(afterFrame);
		return afterFrame.slice(end?.[0].length ?? 0);
	}
	const sentenceStart = Math.max(text.lastIndexOf('\n', frame.index), ...['. ', '! ', '? '].map((end) => text.lastIndexOf(end, frame.index) + 1));
	return text.slice(0, Math.max(0, sentenceStart));
}
