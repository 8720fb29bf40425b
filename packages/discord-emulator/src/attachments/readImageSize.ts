/** Pixel size of an image. */
export interface ImageSize {
	readonly width: number;
	readonly height: number;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG, GIF, JPEG or WebP header, or null when the bytes are none of those. */
export function readImageSize(bytes: Uint8Array): ImageSize | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const ascii = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
	if (bytes.length >= 24 && pngSignature.every((byte, index) => bytes[index] === byte) && ascii(12, 4) === 'IHDR') {
		return { width: view.getUint32(16), height: view.getUint32(20) };
	}
	if (bytes.length >= 10 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) {
		return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
	}
	if (bytes.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return readWebpSize(bytes, view, ascii(12, 4));
	if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return readJpegSize(bytes, view);
	return null;
}

function readWebpSize(bytes: Uint8Array, view: DataView, chunk: string): ImageSize | null {
	if (chunk === 'VP8X') return { width: 1 + (view.getUint32(24, true) & 0xffffff), height: 1 + (view.getUint32(27, true) & 0xffffff) };
	if (chunk === 'VP8L') {
		const bits = view.getUint32(21, true);
		return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
	}
	if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
		return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
	}
	return null;
}

function readJpegSize(bytes: Uint8Array, view: DataView): ImageSize | null {
	let offset = 2;
	while (offset + 9 < bytes.length) {
		if (bytes[offset] !== 0xff) return null;
		const marker = bytes[offset + 1] ?? 0;
		// Start-of-frame markers (baseline, progressive, ...), not DHT (C4), JPG (C8) or DAC (CC), carry the size.
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			return { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
		}
		offset += 2 + view.getUint16(offset + 2);
	}
	return null;
}
