/** Whether a stream is a terminal that shows colours (it honours `NO_COLOR`, `FORCE_COLOR` and `TERM=dumb`). */
export function terminalHasColors(stream: NodeJS.WriteStream): boolean {
	return stream.isTTY === true && typeof stream.hasColors === 'function' && stream.hasColors();
}
