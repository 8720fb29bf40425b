import { describe, expect, it } from 'vitest';
import { ScriptBook } from './ScriptBook.js';

const ask = (book: ScriptBook, lastUserMessage: string, model = 'llama3.2:1b') =>
	book.take({ model, lastUserMessage, messages: [{ role: 'user', content: lastUserMessage }] });

describe('ScriptBook', () => {
	it('uses a script its number of times, in the order added', () => {
		const book = new ScriptBook();
		book.add({ match: /weather/i, reply: 'first', times: 1 });
		book.add({ match: 'weather', reply: 'second' });
		expect(ask(book, 'How is the WEATHER?')).toBe('first');
		expect(ask(book, 'How is the weather?')).toBe('second');
		expect(ask(book, 'How is the weather?')).toBe('second');
		expect(ask(book, 'Hello')).toBeUndefined();
	});

	it('calls reply functions with the context and honours the model filter', () => {
		const book = new ScriptBook();
		book.add({ match: /token (\w+)/, reply: ({ lastUserMessage, model }) => `${model} saw ${/token (\w+)/.exec(lastUserMessage)?.[1]}`, model: 'llama3.2' });
		expect(ask(book, 'the token abc42', 'other:1b')).toBeUndefined();
		expect(ask(book, 'the token abc42', 'llama3.2:latest')).toBe('llama3.2:latest saw abc42');
	});

	it('matches global regexes the same way every time', () => {
		const book = new ScriptBook();
		book.add({ match: /x/g, reply: 'yes' });
		expect([ask(book, 'x'), ask(book, 'x'), ask(book, 'x')]).toEqual(['yes', 'yes', 'yes']);
		expect(() => book.add({ match: 'a', reply: 'b', times: 0 })).toThrow(/at least 1/);
	});
});
