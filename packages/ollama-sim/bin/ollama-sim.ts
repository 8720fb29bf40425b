#!/usr/bin/env node
import { cliHelp } from '../src/cli/cliHelp.js';
import { parseCliArgs } from '../src/cli/parseCliArgs.js';
import { renderBanner } from '../src/cli/renderBanner.js';
import { startOllamaSim } from '../src/startOllamaSim.js';

let request: ReturnType<typeof parseCliArgs>;
try {
	request = parseCliArgs(process.argv.slice(2));
} catch (error) {
	console.error(`ollama-sim: ${(error as Error).message}`);
	process.exit(2);
}
if (request.help) {
	process.stdout.write(`${cliHelp}\n`);
	process.exit(0);
}

let sim: Awaited<ReturnType<typeof startOllamaSim>>;
try {
	sim = await startOllamaSim(request.options);
} catch (error) {
	console.error(`ollama-sim: could not start: ${(error as Error).message}`);
	process.exit(1);
}

const modelNames = (request.options.models ?? ['llama3.2:1b']).map((model) => (typeof model === 'string' ? model : model.name));
console.error(
	renderBanner({
		name: sim.name,
		url: sim.url,
		models: modelNames,
		numParallel: request.options.numParallel ?? 1,
		tokensPerSecond: request.options.tokensPerSecond ?? 65,
		fault: sim.behavior.fault,
		sloppy: sim.behavior.sloppy,
		api: request.options.api ?? 'both',
		keyRequired: request.options.apiKey !== undefined,
	}),
);
// The URL alone on stdout, for scripts that start the simulator on a free port.
process.stdout.write(`${sim.url}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (stopping) process.exit(130);
		stopping = true;
		console.error(`ollama-sim: ${signal}, closing`);
		sim.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error('ollama-sim: close failed:', error);
				process.exit(1);
			},
		);
	});
}
