import { parseArgs } from 'node:util';
import { startDiscordEmulator } from '../src/index.js';

const usage = `Usage: npm run emulator -- [--port 3210] [--host 127.0.0.1] [--guilds 1] [--shards 1]

Starts a LOCAL Discord API emulator (REST v10 + gateway) with a playground page.
It is not Discord: nothing leaves this machine, and no real bot token is needed.

  --port <n>     port to listen on (default 3210; 0 picks a free one)
  --host <addr>  address to bind (default 127.0.0.1; use :: for every interface)
  --guilds <n>   how many guilds to seed (default 1: "Quahog Community")
  --shards <n>   shard count GET /gateway/bot recommends (default 1)
  --help         show this text

EMULATOR_BOT_TOKEN in the environment sets the bot token it accepts, for apps that were given one (a compose
stack); it is never printed. Unset: a random token, printed below.`;

function positiveInteger(name: string, raw: string | undefined, fallback: number, allowZero = false): number {
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
		console.error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${JSON.stringify(raw)}. Example: --${name} ${fallback}`);
		process.exit(2);
	}
	return value;
}

const { values } = parseArgs({
	options: {
		port: { type: 'string' },
		host: { type: 'string' },
		guilds: { type: 'string' },
		shards: { type: 'string' },
		help: { type: 'boolean', short: 'h' },
	},
	strict: true,
});
if (values.help) {
	process.stdout.write(`${usage}\n`);
	process.exit(0);
}

// From the environment, not an argument: a process list shows arguments to everyone on the machine.
const givenToken = process.env.EMULATOR_BOT_TOKEN === undefined || process.env.EMULATOR_BOT_TOKEN === '' ? undefined : process.env.EMULATOR_BOT_TOKEN;
if (givenToken !== undefined && !/^[\w.-]+$/.test(givenToken)) {
	console.error('EMULATOR_BOT_TOKEN must be a bot token: letters, digits, ".", "_" and "-" (its value is not shown)');
	process.exit(2);
}

const emulator = await startDiscordEmulator({
	...(givenToken === undefined ? {} : { token: givenToken }),
	port: positiveInteger('port', values.port, 3210, true),
	host: values.host ?? '127.0.0.1',
	shards: positiveInteger('shards', values.shards, 1),
	seed: { guilds: positiveInteger('guilds', values.guilds, 1) },
});

process.stdout.write(
	[
		'',
		'  ================================================================',
		'   LOCAL DISCORD EMULATOR - this is NOT Discord.',
		'   Nothing leaves this machine; the token below only works here.',
		'  ================================================================',
		'',
		`  Playground:   ${emulator.url}`,
		`  API URL:      ${emulator.apiUrl}    (discord.js: new Client({ rest: { api: '${emulator.apiUrl}' } }))`,
		`  Gateway:      ${emulator.gatewayUrl}`,
		`  Bot token:    ${givenToken === undefined ? emulator.token : '(EMULATOR_BOT_TOKEN, not shown)'}`,
		`  Application:  ${emulator.applicationId}`,
		`  Seeded:       ${emulator.seed?.guildIds.length ?? 0} guild(s); first guild ${emulator.seed?.guildId ?? '-'}`,
		'',
		'  Press Ctrl+C to stop.',
		'',
	].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (stopping) return;
		stopping = true;
		emulator.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error('discord-emulator: failed to stop cleanly', error);
				process.exit(1);
			},
		);
	});
}
