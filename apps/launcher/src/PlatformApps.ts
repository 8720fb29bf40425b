/**
 * The apps `npm start` runs, each with its entry file and the Node flags it runs with everywhere (npm scripts, compose,
 * tests). The gateway holds every guild's channels in discord.js's caches but does little work per message, so it trades
 * a little CPU for memory: about two thirds of the RSS at 1,000 servers (`npm run bench:gateway` measures both).
 */
export const PlatformApps = [
	{ name: 'gateway', entry: 'apps/gateway/src/main.ts', nodeFlags: ['--optimize-for-size', '--max-semi-space-size=1'] },
	{ name: 'message-router', entry: 'apps/message-router/src/main.ts', nodeFlags: [] },
	{ name: 'quality-control', entry: 'apps/quality-control/src/main.ts', nodeFlags: [] },
	{ name: 'delivery', entry: 'apps/delivery/src/main.ts', nodeFlags: [] },
] as const satisfies readonly { readonly name: string; readonly entry: string; readonly nodeFlags: readonly string[] }[];
