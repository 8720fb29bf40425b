/** The lowest of several Ollama versions (`0.12.6`), so a client never assumes a feature one host lacks. */
export function lowestVersion(versions: readonly string[]): string | undefined {
	const parts = (version: string) => version.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
	return [...versions].sort((a, b) => {
		const [left, right] = [parts(a), parts(b)];
		for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
			const difference = (left[index] ?? 0) - (right[index] ?? 0);
			if (difference !== 0) return difference;
		}
		return 0;
	})[0];
}
