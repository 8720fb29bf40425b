// The gateway's memory at 1,000 servers: the real gateway process (discord.js, its caches and Redis writes) against
// the Discord emulator seeded with 1,000 guilds x 50 channels x 100 members and a real redis-server. Measures time
// to ready and RSS/heap once settled, then again after a flow of messages across every guild; the default small
// seed gives the baseline. The gateway runs compiled from dist/ as in production (built first), and each world once
// more under tsx from src/, as before the build. Writes the `gateway-memory` section of bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { resolveFromRoot } from '@charbot/core';
import { PlatformApps } from '../../apps/launcher/src/PlatformApps.js';
import { describeMachine, reportTargets, writeResultsSection } from '../benchReport.js';
import { type GatewayMemoryRun, type HeapLook, measureGatewayMemory } from './measureGatewayMemory.js';

const targetMb = 200;
const gatewayFlags: readonly string[] = PlatformApps.find((app) => app.name === 'gateway')?.nodeFlags ?? [];
const bigSeed = { guilds: 1000, channelsPerGuild: 50, membersPerGuild: 100 } as const;
const bigFlow = 5000;
// `--heap-snapshots`: also look inside the 1,000-guild gateway (a snapshot after each reading; slower).
const heapSnapshots = process.argv.includes('--heap-snapshots');
const topGroups = 15;
// `--node-flags="..."`: Node/V8 flags for the gateway processes, to try heap settings.
const nodeFlags = process.argv
	.find((argument) => argument.startsWith('--node-flags='))
	?.slice('--node-flags='.length)
	.split(' ')
	.filter((flag) => flag !== '');

function mb(bytes: number): string {
	return Number.isNaN(bytes) ? '?' : (bytes / 2 ** 20).toFixed(0);
}

/** The biggest kinds of objects after the flow, with their growth since the settled snapshot. */
function heapTable(settled: HeapLook, afterFlow: HeapLook): string[] {
	const before = new Map(settled.summary.groups.map((group) => [`${group.type}/${group.name}`, group]));
	return [
		'With `--heap-snapshots`, readings after the first snapshot overstate RSS: the snapshot writer leaves its memory mapped. Read the heap figures.',
		`Heap after a full GC (snapshots): ${mb(settled.summary.totalBytes)} MB settled, ${mb(afterFlow.summary.totalBytes)} MB after the flow (RSS then ${mb(settled.afterGc.rssBytes)} / ${mb(afterFlow.afterGc.rssBytes)} MB, heap used ${mb(settled.afterGc.heapUsedBytes)} / ${mb(afterFlow.afterGc.heapUsedBytes)} MB).`,
		'',
		'| kind (V8 type / constructor) | count after flow | self MB after flow | growth in the flow (count / MB) |',
		'| --- | --- | --- | --- |',
		...afterFlow.summary.groups.slice(0, topGroups).map((group) => {
			const earlier = before.get(`${group.type}/${group.name}`);
			return `| ${group.type} / ${group.name.slice(0, 60).replaceAll('|', '\\|')} | ${group.count} | ${(group.selfBytes / 2 ** 20).toFixed(1)} | ${group.count - (earlier?.count ?? 0)} / ${((group.selfBytes - (earlier?.selfBytes ?? 0)) / 2 ** 20).toFixed(1)} |`;
		}),
	];
}

function row(label: string, run: GatewayMemoryRun): string {
	const { settled, afterFlow } = run;
	return `| ${label} | ${(run.readyMs / 1000).toFixed(1)} | ${mb(settled.rssBytes)} / ${mb(settled.heapUsedBytes)} | ${run.messagesSent} (${run.messagesCounted} counted, ${run.routeJobs} route jobs) in ${(run.flowMs / 1000).toFixed(1)} s | ${mb(afterFlow.rssBytes)} / ${mb(afterFlow.heapUsedBytes)} |`;
}

async function main(): Promise<void> {
	// The gateway runs compiled, as in production.
	execFileSync('npm', ['run', 'build'], { cwd: resolveFromRoot('.'), stdio: 'inherit' });
	const tuning = nodeFlags === undefined ? {} : { nodeFlags };
	const small = await measureGatewayMemory({ seed: true, messages: 500, heapSnapshots, ...tuning });
	process.stdout.write(`${row('default seed (1 guild × 3 channels × 5 members)', small)}\n`);
	// Side by side: the same small world under tsx from src, as the gateway ran before the build.
	const smallTsx = await measureGatewayMemory({ seed: true, messages: 500, heapSnapshots, ...tuning, run: 'tsx' });
	process.stdout.write(`${row('the same under tsx from src', smallTsx)}\n`);
	const big = await measureGatewayMemory({ seed: bigSeed, messages: bigFlow, heapSnapshots, ...tuning });
	process.stdout.write(`${row('1,000 guilds × 50 channels × 100 members', big)}\n`);
	const bigTsx = await measureGatewayMemory({ seed: bigSeed, messages: bigFlow, heapSnapshots, ...tuning, run: 'tsx' });
	process.stdout.write(`${row('the same under tsx from src', bigTsx)}\n`);
	// Side by side: the same world with Node's default heap settings, to show what the gateway's flags buy.
	const plain = nodeFlags === undefined ? await measureGatewayMemory({ seed: bigSeed, messages: bigFlow, nodeFlags: [] }) : undefined;
	if (plain) process.stdout.write(`${row('the same, Node default heap settings', plain)}\n`);
	const peak = Math.max(big.settled.rssBytes, big.afterFlow.rssBytes);
	const markdown = [
		'## Gateway memory at 1,000 servers (`npm run bench:gateway`)',
		'',
		`Machine: ${describeMachine()}.`,
		'',
		`The gateway as a real process, compiled (\`apps/gateway/dist/main.js\` under \`node ${(nodeFlags ?? gatewayFlags).join(' ')} --conditions=charbot-dist\`, as compose and \`npm run start:gateway\` run it; flags from \`PlatformApps\`), and beside it the same under tsx from src (\`--import tsx apps/gateway/src/main.ts\`, as before the build and as \`npm start\` runs it), \`LOG_LEVEL=warn\`, against the Discord emulator and a real redis-server, one shard.`,
		'Ready: from spawn to `/readyz` answering 200 (every guild received). Memory: `VmRSS` of the process from `/proc` and V8 heap used from its `/metrics`, after 10 s of rest.',
		'The flow posts messages round-robin over every guild, in random channels by random members; one in five names a character (a `route` job is enqueued, nothing consumes it), the rest are chatter (history only).',
		'"counted" is the gateway\'s own `charbot_gateway_messages_total`: equal to the messages sent means it knew every guild and channel.',
		'',
		'| world | ready s | settled RSS / heap MB | message flow | after flow RSS / heap MB |',
		'| --- | --- | --- | --- | --- |',
		row('default seed (1 guild × 3 channels × 5 members)', small),
		row('the same under tsx from src', smallTsx),
		row('1,000 guilds × 50 channels × 100 members', big),
		row('the same under tsx from src', bigTsx),
		...(plain ? [row('the same compiled, Node default heap settings (no flags)', plain)] : []),
		'',
		`Compiled vs tsx, peak RSS: ${mb(Math.max(small.settled.rssBytes, small.afterFlow.rssBytes))} vs ${mb(Math.max(smallTsx.settled.rssBytes, smallTsx.afterFlow.rssBytes))} MB at the default seed, ${mb(Math.max(big.settled.rssBytes, big.afterFlow.rssBytes))} vs ${mb(Math.max(bigTsx.settled.rssBytes, bigTsx.afterFlow.rssBytes))} MB at 1,000 servers.`,
		`Peak RSS at 1,000 servers: **${mb(peak)} MB** (target ≤ ${targetMb} MB: ${peak <= targetMb * 2 ** 20 ? 'met' : '**missed**'}); ${mb(peak - small.afterFlow.rssBytes)} MB above the small-seed gateway${plain ? `; ${(peak / Math.max(plain.settled.rssBytes, plain.afterFlow.rssBytes)).toFixed(2)} x the peak with Node's default heap settings (${mb(Math.max(plain.settled.rssBytes, plain.afterFlow.rssBytes))} MB)` : ''}.`,
		`Flow outcomes at 1,000 servers: ${Object.entries(big.outcomes)
			.map(([outcome, count]) => `${outcome} ${count}`)
			.join(', ')}.`,
		'To look inside: `--heap-snapshots` sums a heap snapshot (after a full GC) by constructor; `--node-flags="--max-semi-space-size=1 --max-old-space-size=150"` tries V8 settings (both only print).',
		...(small.heap
			? [
					'',
					`Default seed, heap after a full GC: ${mb(small.heap.settled.summary.totalBytes)} MB settled, ${mb(small.heap.afterFlow.summary.totalBytes)} MB after its flow.`,
				]
			: []),
		...(big.heap ? ['', ...heapTable(big.heap.settled, big.heap.afterFlow)] : []),
	].join('\n');
	// Diagnostic runs only print: bench/RESULTS.md keeps the plain measurement.
	if (!heapSnapshots && nodeFlags === undefined) writeResultsSection('gateway-memory', markdown);
	process.stdout.write(`${markdown}\n`);
	reportTargets('gateway-memory', [
		{
			measure: 'gateway RSS at 1,000 servers × 50 channels × 100 members',
			target: `≤ ${targetMb} MB`,
			measured: `${mb(peak)} MB`,
			met: peak <= targetMb * 2 ** 20,
		},
	]);
}

await main();
