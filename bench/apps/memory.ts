// Each production app's memory under tsx from src/ (how they ran before the build) and compiled from dist/ (how
// production runs them now), side by side in one run: all five apps as real processes against a real redis-server,
// the Ollama simulator and the Discord emulator, read once ready and settled, then after questions answered through
// the pipeline and generations through the LLM service. Builds first. Writes the `apps-memory` section of bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { resolveFromRoot } from '@charbot/core';
import { describeMachine, reportTargets, writeResultsSection } from '../benchReport.js';
import { type AppMemory, type AppsMemoryRun, MeasuredApps, measureAppsMemory } from './measureAppsMemory.js';

const questions = 20;
const settleMs = 5000;

function mb(bytes: number | undefined): string {
	return bytes === undefined || Number.isNaN(bytes) ? '?' : (bytes / 2 ** 20).toFixed(0);
}

const reading = (memory: AppMemory | undefined) => `${mb(memory?.rssBytes)} / ${mb(memory?.heapUsedBytes)}`;
const rss = (run: AppsMemoryRun, phase: 'settled' | 'afterTraffic') => MeasuredApps.reduce((sum, app) => sum + (run[phase][app]?.rssBytes ?? 0), 0);

async function main(): Promise<void> {
	execFileSync('npm', ['run', 'build'], { cwd: resolveFromRoot('.'), stdio: 'inherit' });
	const tsx = await measureAppsMemory('tsx', { questions, settleMs });
	const compiled = await measureAppsMemory('compiled', { questions, settleMs });
	const rows = MeasuredApps.map((app) => {
		const saved = (tsx.afterTraffic[app]?.rssBytes ?? Number.NaN) - (compiled.afterTraffic[app]?.rssBytes ?? Number.NaN);
		return `| ${app} | ${((tsx.readyMs[app] ?? Number.NaN) / 1000).toFixed(1)} / ${((compiled.readyMs[app] ?? Number.NaN) / 1000).toFixed(1)} | ${reading(tsx.settled[app])} | ${reading(compiled.settled[app])} | ${reading(tsx.afterTraffic[app])} | ${reading(compiled.afterTraffic[app])} | ${mb(saved)} |`;
	});
	const totalSaved = rss(tsx, 'afterTraffic') - rss(compiled, 'afterTraffic');
	const markdown = [
		'## Memory per app: tsx from src vs compiled from dist (`npm run bench:memory`)',
		'',
		`Machine: ${describeMachine()}.`,
		'',
		'The five production apps as real processes, each with the Node flags it runs with everywhere (`PlatformApps`), `LOG_LEVEL=warn`, against a real redis-server, the Ollama simulator and the Discord emulator; first all five under `node --import tsx apps/<app>/src/main.ts`, then all five under `node --conditions=charbot-dist apps/<app>/dist/main.js` (production since the build), each set on a fresh Redis.',
		`Ready: spawn to \`/readyz\` 200. Memory: \`VmRSS\` from \`/proc\` and V8 heap used from the app's metrics, ${settleMs / 1000} s after all five are ready, and ${settleMs / 1000} s after the traffic: ${questions} Discord questions from ${questions} members answered by a character's webhook (gateway → router → quality control → delivery) and ${questions} \`/api/generate\` calls to the LLM service.`,
		'',
		'| app | ready s (tsx / compiled) | settled RSS / heap MB, tsx | settled, compiled | after traffic RSS / heap MB, tsx | after traffic, compiled | RSS saved MB |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		...rows,
		'',
		`All five after the traffic: **${mb(rss(tsx, 'afterTraffic'))} MB** RSS under tsx, **${mb(rss(compiled, 'afterTraffic'))} MB** compiled (${mb(totalSaved)} MB less). Replies ${tsx.replies} / ${compiled.replies}, generations ${tsx.generations} / ${compiled.generations} (tsx / compiled).`,
	].join('\n');
	writeResultsSection('apps-memory', markdown);
	process.stdout.write(`${markdown}\n`);
	reportTargets('apps-memory', [
		{
			measure: 'RSS of the five apps after traffic, compiled vs tsx',
			target: 'less than under tsx',
			measured: `${mb(rss(compiled, 'afterTraffic'))} MB vs ${mb(rss(tsx, 'afterTraffic'))} MB`,
			met: totalSaved > 0,
		},
	]);
}

await main();
