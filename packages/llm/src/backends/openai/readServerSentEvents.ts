/** Longest event accepted: a chunk is a few hundred bytes, so more means a broken or hostile server. */
const MaxEventBytes = 1024 * 1024;

/**
 * Reads a `text/event-stream` body and yields the `data` of each event (several `data:` lines joined by a newline),
 * skipping comments and other fields, as the WHATWG event-stream format says.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
	const decoder = new TextDecoder();
	let buffer = '';
	let data: string[] = [];
	for await (const bytes of body as unknown as AsyncIterable<Uint8Array>) {
		buffer += decoder.decode(bytes, { stream: true });
		if (buffer.length > MaxEventBytes) throw new Error(`an event-stream line is longer than ${MaxEventBytes} bytes`);
		let newline = buffer.search(/\r\n|\r|\n/u);
		// A lone CR at the end may be the first half of a CRLF still on its way.
		while (newline >= 0 && !(newline === buffer.length - 1 && buffer.endsWith('\r'))) {
			const line = buffer.slice(0, newline);
			buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
			if (line === '') {
				if (data.length > 0) yield data.join('\n');
				data = [];
			} else if (line.startsWith('data:')) {
				data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
			}
			newline = buffer.search(/\r\n|\r|\n/u);
		}
	}
	buffer += decoder.decode();
	if (buffer.startsWith('data:')) data.push(buffer.slice(buffer.startsWith('data: ') ? 6 : 5));
	if (data.length > 0) yield data.join('\n');
}
