import { chooseLogFormat, createLogger, installFailureHooks, loadServiceConfig, onStopSignals, terminalHasColors } from '@charbot/core';
import { createAppLineWriter } from './createAppLineWriter.js';
import { launchPlatform, type Platform } from './launchPlatform.js';
import { PlatformApps } from './PlatformApps.js';
import { PortInUseError } from './PortInUseError.js';

// `npm start`: the whole platform on one machine, supervised; Ctrl-C stops everything, a second Ctrl-C at once.
// A supervisor, not a service: the scaffold's settings and failure hooks, but its own logger, signals and no health server.
const config = loadServiceConfig();
const format = chooseLogFormat(config.LOG_FORMAT, process.stdout);
const color = format === 'pretty' && terminalHasColors(process.stdout);
const logger = createLogger({ name: 'launcher', level: config.LOG_LEVEL, format, color });
installFailureHooks(logger);
const write = (text: string) => process.stdout.write(text);
const appOutput = createAppLineWriter({ format, color, write, nameWidth: Math.max(...PlatformApps.map((app) => app.name.length), 'launcher'.length) });

let platform: Platform | undefined;
let stopRequested = false;
onStopSignals({
	stop: (signal) => {
		stopRequested = true;
		logger.info(`${signal}: stopping charbot; each app finishes its work in progress (up to ${config.SHUTDOWN_TIMEOUT} s). Ctrl-C again to force.`);
		// Before the launch finished there is nothing to drain yet; the launch sees the request and stops what it started.
		if (platform) void stopAndExit(platform);
	},
	force: () => {
		logger.warn('stopping now, without waiting for the apps to finish');
		platform?.kill();
		process.exit(130);
	},
});
// Whatever ends this process, its children must not outlive it.
process.on('exit', () => platform?.kill());

try {
	platform = await launchPlatform({
		config,
		logger,
		env: process.env,
		appOutput,
		announceReady: (message, report) => {
			if (format === 'json') logger.info(report, message);
			else write(`${color ? `\u001b[1;32m✔ ${message}\u001b[0m` : `✔ ${message}`}\n`);
		},
	});
} catch (error) {
	// A taken port is an everyday mistake, not a crash: one line that says what to change, no stack.
	if (error instanceof PortInUseError) logger.fatal(`charbot could not start: ${error.message}`);
	else logger.fatal({ err: error }, `charbot could not start: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
if (stopRequested) void stopAndExit(platform);

async function stopAndExit(running: Platform): Promise<void> {
	try {
		await running.stop();
		logger.info('charbot stopped');
		process.exit(0);
	} catch (error) {
		logger.error({ err: error }, 'charbot did not stop cleanly');
		process.exit(1);
	}
}
