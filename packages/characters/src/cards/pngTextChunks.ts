import type { PngChunk } from './readPngChunks.js';

/** The keyword and text of each `tEXt` chunk, in file order (Latin-1, as the PNG specification defines them). */
export function pngTextChunks(chunks: readonly PngChunk[]): { keyword: string; text: string }[] {
	const texts: { keyword: string; text: string }[] = [];
	for (const chunk of chunks) {
		if (chunk.type !== 'tEXt') continue;
		const separator = chunk.data.indexOf(0);
		if (separator < 1) continue;
		const data = Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
		texts.push({ keyword: data.toString('latin1', 0, separator), text: data.toString('latin1', separator + 1) });
	}
	return texts;
}
