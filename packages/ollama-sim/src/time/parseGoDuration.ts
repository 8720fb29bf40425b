const unitMs: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a Go duration string (`300ms`, `1.5h`, `2h45m`, `-1m`, `0`) into milliseconds, throwing Go's
 * own error texts, because Ollama parses `keep_alive` strings with Go's `time.ParseDuration`.
 */
export function parseGoDuration(text: string): number {
	const quoted = JSON.stringify(text);
	let rest = text;
	let sign = 1;
	if (rest.startsWith('-') || rest.startsWith('+')) {
		sign = rest.startsWith('-') ? -1 : 1;
		rest = rest.slice(1);
	}
	if (rest === '0') return 0;
	if (rest === '') throw new Error(`time: invalid duration ${quoted}`);
	let total = 0;
	while (rest !== '') {
		const number = /^(\d*)(?:\.(\d*))?/.exec(rest);
		const whole = number?.[1] ?? '';
		const fraction = number?.[2];
		if (whole === '' && (fraction === undefined || fraction === '')) throw new Error(`time: invalid duration ${quoted}`);
		rest = rest.slice(number?.[0].length ?? 0);
		const unit = /^[^\d.]+/.exec(rest)?.[0];
		if (unit === undefined) throw new Error(`time: missing unit in duration ${quoted}`);
		const scale = unitMs[unit];
		if (scale === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
		total += Number(`${whole || '0'}.${fraction ?? '0'}`) * scale;
		rest = rest.slice(unit.length);
	}
	return sign * total;
}
