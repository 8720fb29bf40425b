import { isAbsolute, relative } from 'node:path';

/** A file path as people should read it: relative to the working folder when it lies inside it. */
export function displayPath(file: string): string {
	const shown = relative(process.cwd(), file);
	return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? file : shown;
}
