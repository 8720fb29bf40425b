/**
 * Whether eligible item `n` (counting from 1) is hit at share `rate`: when floor(n·rate) grows, so 0.5 hits
 * every second item, 0.25 every fourth and 1 all of them; deterministic, so tests can count on it.
 */
export function isSpreadHit(n: number, rate: number): boolean {
	// A small epsilon keeps rates like 0.1 from missing a hit to float rounding (10 × 0.1 = 0.9999…).
	return Math.floor(n * rate + 1e-9) > Math.floor((n - 1) * rate + 1e-9);
}
