import { describe, expect, it } from 'vitest';
import { extractRememberedFact, MaxRememberedFactLength } from './extractRememberedFact.js';

describe('extractRememberedFact', () => {
	it('takes the fact from "remember that I ..." and "remember I ..."', () => {
		expect(extractRememberedFact('Peter, remember that I hate cats.')).toBe('I hate cats');
		expect(extractRememberedFact('remember I am a vegetarian!')).toBe('I am a vegetarian');
		expect(extractRememberedFact("Stewie please remember: i'm allergic to peanuts")).toBe("I'm allergic to peanuts");
		expect(extractRememberedFact('<@123456789012345678> remember that I  work\nnights. Thanks!')).toBe('I work');
		expect(extractRememberedFact("Hey Brian, don't forget that I play the cello. Anyway, hi")).toBe('I play the cello');
		expect(extractRememberedFact('Lois. Remember I was born in 1990')).toBe('I was born in 1990');
	});

	it('ignores questions, negations, reports and messages without a request', () => {
		expect(extractRememberedFact('Do you remember that I hate cats?')).toBeUndefined();
		expect(extractRememberedFact('remember I like jazz?')).toBeUndefined();
		expect(extractRememberedFact('I remember that I had a dog once')).toBeUndefined();
		expect(extractRememberedFact("you won't remember that I exist")).toBeUndefined();
		expect(extractRememberedFact('remember I told you about my dog')).toBeUndefined();
		expect(extractRememberedFact('remember the canoe')).toBeUndefined();
		expect(extractRememberedFact('remember I')).toBeUndefined();
		expect(extractRememberedFact('Peter, what is up?')).toBeUndefined();
		expect(extractRememberedFact('I remembered it. remembering that I am tired')).toBeUndefined();
	});

	it('uses the first real request in a message', () => {
		expect(extractRememberedFact('Do you remember that I left? Well, remember that I came back.')).toBe('I came back');
	});

	it('cuts a long fact at a word boundary', () => {
		const fact = extractRememberedFact(`remember that I ${'really '.repeat(60)}like jazz`) ?? '';
		expect(Array.from(fact).length).toBeLessThanOrEqual(MaxRememberedFactLength);
		expect(fact.endsWith('really')).toBe(true);
	});
});
