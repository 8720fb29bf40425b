import { describe, expect, it } from 'vitest';
import { decodeGoBase64 } from './decodeGoBase64.js';

const failure = (text: string) => {
	try {
		decodeGoBase64(text);
	} catch (error) {
		return (error as Error).message;
	}
	return 'decoded';
};

describe('decodeGoBase64 (Go encoding/base64 StdEncoding, as encoding/json fills a []byte)', () => {
	it('decodes padded base64 and skips newlines, as Go does', () => {
		expect(decodeGoBase64('aGVsbG8=').toString()).toBe('hello');
		expect(decodeGoBase64('aGVs\r\nbG8=\n').toString()).toBe('hello');
		expect(decodeGoBase64('YQ==').toString()).toBe('a');
		expect(decodeGoBase64('').length).toBe(0);
		const bytes = Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 37) % 256));
		expect(decodeGoBase64(bytes.toString('base64')).equals(bytes)).toBe(true);
	});

	it('refuses what Go refuses, at the byte Go names', () => {
		expect(failure('aGVsbG8')).toBe('illegal base64 data at input byte 4');
		expect(failure('not base64!')).toBe('illegal base64 data at input byte 3');
		expect(failure('YQ=')).toBe('illegal base64 data at input byte 3');
		expect(failure('Y===')).toBe('illegal base64 data at input byte 1');
		expect(failure('YQ==YQ==')).toBe('illegal base64 data at input byte 4');
		expect(failure('aGVsbG8-')).toBe('illegal base64 data at input byte 7');
		expect(failure('aGVsbG8_')).toBe('illegal base64 data at input byte 7');
		expect(failure('data:image/png;base64,AAAA')).toBe('illegal base64 data at input byte 4');
		expect(failure('é===')).toBe('illegal base64 data at input byte 0');
	});
});
