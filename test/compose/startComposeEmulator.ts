// The Discord emulator as the compose test runs it in a container (test/compose/docker-compose.test.yaml): with the
// bot token the apps get from .env, listening on its service name so the gateway URL it hands out resolves there.
import { startDiscordEmulator } from '@charbot/discord-emulator';
import { z } from 'zod';

const env = z
	.object({
		DISCORD_TOKEN: z.string().regex(/^[\w.-]+$/, 'must be a bot token: letters, digits, ".", "_" and "-"'),
		EMULATOR_HOST: z.string().min(1),
		EMULATOR_PORT: z.coerce.number().int().min(1).max(65_535),
	})
	.parse(process.env);

const emulator = await startDiscordEmulator({ host: env.EMULATOR_HOST, port: env.EMULATOR_PORT, token: env.DISCORD_TOKEN });
process.stdout.write(`discord-emulator: EMULATED Discord at ${emulator.apiUrl}, gateway ${emulator.gatewayUrl}, guild ${emulator.seed?.guildId ?? '-'}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		emulator.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error('discord-emulator: failed to stop cleanly', error);
				process.exit(1);
			},
		);
	});
}
