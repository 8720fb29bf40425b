import { type ChildProcess, spawn } from 'node:child_process';
import { resolveFromRoot } from '@charbot/core';
import { waitFor } from '@charbot/testkit';

/** `npm start` running in a pseudo-terminal, as a person runs it: its output and a keyboard. */
export interface TerminalSession {
	readonly child: ChildProcess;
	/** Everything the terminal showed, colours included. */
	text(): string;
	/** The same without ANSI colours and carriage returns. */
	plain(): string;
	/** Waits until the plain output matches, or throws with the output's tail. */
	waitForOutput(pattern: RegExp, description: string, timeoutMs: number): Promise<void>;
	/** Types keys into the terminal: "\u0003" is Ctrl-C, which the terminal turns into SIGINT for its foreground jobs. */
	type(keys: string): void;
	/** Resolves with the exit code of `npm start` (from `script -e`). */
	readonly exited: Promise<number | null>;
	/** Ends the session if a test left it running: Ctrl-C twice (the launcher kills its apps), then SIGKILL. */
	close(): Promise<void>;
}

// Colour codes start with ESC, a control character a regex literal may not hold.
const ansiColour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The environment of a fresh machine: no Redis, no Discord token, no Ollama; a free emulator port. */
export const bareMachineEnv = {
	PATH: process.env.PATH ?? '',
	HOME: process.env.HOME ?? '',
	TERM: 'xterm-256color',
	EMULATOR_PORT: '0',
	OLLAMA_BASE_URL: 'http://127.0.0.1:9',
};

// util-linux `script` gives the command a pseudo-terminal on stdout and stdin; -e passes on its exit code, -f flushes.
export function startNpmInTerminal(env: Record<string, string> = {}): TerminalSession {
	const child = spawn('script', ['-qfec', 'npm start', '/dev/null'], {
		cwd: resolveFromRoot('.'),
		env: { ...bareMachineEnv, ...env },
		stdio: ['pipe', 'pipe', 'pipe'],
		detached: true,
	});
	const chunks: string[] = [];
	child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const text = () => chunks.join('');
	const plain = () => text().replace(ansiColour, '').replace(/\r/g, '');
	return {
		child,
		text,
		plain,
		waitForOutput: (pattern, description, timeoutMs) =>
			waitFor(() => pattern.test(plain()), description, timeoutMs).catch((error: Error) => {
				throw new Error(`${error.message}\n--- output ---\n${plain().slice(-5000)}`);
			}),
		type: (keys) => child.stdin?.write(keys),
		exited,
		close: async () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.stdin?.write('\u0003');
			await new Promise((resolve) => setTimeout(resolve, 1500));
			child.stdin?.write('\u0003');
			const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		},
	};
}
