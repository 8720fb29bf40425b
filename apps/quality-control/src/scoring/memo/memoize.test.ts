import { describe, expect, it } from 'vitest';
import { memoizeByContent } from './memoizeByContent.js';
import { memoizeByIdentity } from './memoizeByIdentity.js';
import { memoizeLast } from './memoizeLast.js';

/** A builder that records each call, so a test sees which results were built and which came from the cache. */
function countingBuilder<Args extends unknown[]>(): { build: (...args: Args) => string; calls: Args[] } {
	const calls: Args[] = [];
	return { calls, build: (...args: Args) => (calls.push(args), JSON.stringify(args)) };
}

describe('memoizeByContent', () => {
	it('builds once per distinct content, whatever array objects carry it', () => {
		const { build, calls } = countingBuilder<[readonly string[], readonly string[]]>();
		const memo = memoizeByContent(build);
		expect(memo(['Peter', 'Pete'], ['Lois'])).toBe('[["Peter","Pete"],["Lois"]]');
		expect(memo(['Peter', 'Pete'], ['Lois'])).toBe('[["Peter","Pete"],["Lois"]]');
		// The same names split differently are other arguments.
		memo(['Peter'], ['Pete', 'Lois']);
		expect(calls).toHaveLength(2);
	});

	it('keeps only the latest `limit` arguments, the ones used last staying longest', () => {
		const { build, calls } = countingBuilder<[string]>();
		const memo = memoizeByContent(build, 2);
		memo('a');
		memo('b');
		memo('a');
		memo('c');
		expect(calls.map(([name]) => name)).toEqual(['a', 'b', 'c']);
		memo('a');
		memo('b');
		expect(calls.map(([name]) => name)).toEqual(['a', 'b', 'c', 'b']);
	});
});

describe('memoizeByIdentity', () => {
	it('builds once per object, and anew for an equal but new object (a reloaded persona)', () => {
		const { build, calls } = countingBuilder<[{ readonly name: string }]>();
		const memo = memoizeByIdentity((persona: { readonly name: string }) => build(persona));
		const loaded = { name: 'Peter' };
		memo(loaded);
		memo(loaded);
		memo({ name: 'Peter' });
		expect(calls).toHaveLength(2);
	});
});

describe('memoizeLast', () => {
	it('computes a text again only when it differs from the previous call', () => {
		const { build, calls } = countingBuilder<[string]>();
		const memo = memoizeLast((text: string) => build(text));
		memo('Heh heh');
		memo(['Heh', 'heh'].join(' '));
		memo('Lois!');
		memo('Heh heh');
		expect(calls.map(([text]) => text)).toEqual(['Heh heh', 'Lois!', 'Heh heh']);
	});
});
