/** Replacement kinds' proof: the first 40 characters of the injected text (whole code points), without trailing space. */
export function leadingFragment(text: string): string {
	return Array.from(text).slice(0, 40).join('').trimEnd();
}
