/** Requests a host's own server counts as running and waiting (vLLM's `/metrics`), other processes' included. */
export interface ServerLoad {
	readonly running: number;
	readonly waiting: number;
}
