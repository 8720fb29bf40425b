import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './readServerSentEvents.js';

function bodyOf(...pieces: string[]): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream({
		start(controller) {
			for (const piece of pieces) controller.enqueue(encoder.encode(piece));
			controller.close();
		},
	});
}

async function collect(body: ReadableStream<Uint8Array>): Promise<string[]> {
	const events: string[] = [];
	for await (const data of readServerSentEvents(body)) events.push(data);
	return events;
}

describe('readServerSentEvents', () => {
	it('yields each event once, however the bytes are cut, with CRLF, CR or LF line ends', async () => {
		const stream = 'data: {"a":1}\r\n\r\n: keep-alive comment\n\ndata:{"b":2}\r\rdata: [DONE]\n\n';
		const whole = await collect(bodyOf(stream));
		expect(whole).toEqual(['{"a":1}', '{"b":2}', '[DONE]']);
		// Every split point, the CR of a CRLF apart from its LF included.
		for (let cut = 1; cut < stream.length; cut += 1) expect(await collect(bodyOf(stream.slice(0, cut), stream.slice(cut)))).toEqual(whole);
	});

	it('joins the data lines of one event and ignores other fields', async () => {
		expect(await collect(bodyOf('event: message\nid: 7\ndata: first\ndata: second\n\n'))).toEqual(['first\nsecond']);
	});

	it('hands over a last event that lacks its blank line', async () => {
		expect(await collect(bodyOf('data: one\n\ndata: two'))).toEqual(['one', 'two']);
	});

	it('refuses a line longer than a megabyte instead of buffering without end', async () => {
		await expect(collect(bodyOf(`data: ${'x'.repeat(1024 * 1024 + 10)}`))).rejects.toThrow(/longer than/);
	});
});
