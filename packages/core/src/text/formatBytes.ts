const units = ['B', 'KiB', 'MiB', 'GiB'] as const;

/** "120 KiB", "8 MiB", "1.5 MiB": sizes as the notes and notices show them. */
export function formatBytes(bytes: number): string {
	let value = Math.max(0, bytes);
	let unit = 0;
	while (unit < units.length - 1 && Math.round(value) >= 1024) {
		value /= 1024;
		unit += 1;
	}
	// Whole numbers from 10 up ("120 KiB"); one decimal below, dropped when it is zero ("8 MiB", "1.5 MiB").
	const shown = unit === 0 || value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
	return `${shown} ${units[unit]}`;
}
