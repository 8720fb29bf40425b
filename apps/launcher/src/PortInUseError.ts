/** A port `npm start` must bind is taken; the message says which setting moves it. */
export class PortInUseError extends Error {
	/**
	 * @param port - the port that is taken
	 * @param what - what wanted it, e.g. "the Discord emulator"
	 * @param setting - the variable that moves it, when one does
	 */
	public constructor(
		public readonly port: number,
		what: string,
		public readonly setting?: string,
	) {
		super(
			setting
				? `port ${port} is in use, so ${what} cannot start: is another \`npm start\` running? Stop it, or run this one on another port: ${setting}=${port < 65535 ? port + 1 : port - 1} npm start (${setting}=0 picks a free one).`
				: `port ${port} is in use, so ${what} cannot start: another program took it between our check and our start. Run \`npm start\` again.`,
		);
		this.name = 'PortInUseError';
	}
}

/** The port of an `EADDRINUSE` error from `listen`, or undefined for any other error. */
export function portInUse(error: unknown): number | undefined {
	if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== 'EADDRINUSE') return undefined;
	const port = (error as { port?: unknown }).port;
	return typeof port === 'number' ? port : undefined;
}
