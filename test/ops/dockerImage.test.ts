// The Dockerfile and .dockerignore, checked without a Docker engine (none runs on this machine kind):
// the stages, the user, what the build context holds, that the apps run compiled (no tsx, esbuild or
// TypeScript in the runtime) and that the production install is every package the apps load.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, resolveFromRoot } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { collectImportedPackages } from './collectImportedPackages.js';
import { dockerignoreMatcher } from './dockerignoreMatcher.js';
import { loadComposeFile } from './loadComposeFile.js';
import { type DockerInstruction, type DockerStage, parseDockerfile } from './parseDockerfile.js';

interface LockEntry {
	readonly dev?: boolean;
	readonly devOptional?: boolean;
}

const root = repoRoot();
const dockerfile = parseDockerfile(readFileSync(resolveFromRoot('Dockerfile'), 'utf8'));
const isIgnored = dockerignoreMatcher(readFileSync(resolveFromRoot('.dockerignore'), 'utf8'));
const lock = JSON.parse(readFileSync(resolveFromRoot('package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const runtime = dockerfile.stages.at(-1);
const stageNamed = (name: string) => dockerfile.stages.find((stage) => stage.name === name);

/** A stage and the stages it is built FROM, nearest first. */
function lineage(stage: DockerStage): DockerStage[] {
	const parent = stageNamed(stage.from);
	return parent === undefined ? [stage] : [stage, ...lineage(parent)];
}

const instructionsOf = (stage: DockerStage, keyword: string): DockerInstruction[] =>
	stage.instructions.filter((instruction) => instruction.keyword === keyword);
const runsNpmCi = (stage: DockerStage) => instructionsOf(stage, 'RUN').find((run) => /\bnpm ci\b/.test(run.text));
/** Sources of `COPY` from the build context (not `--from` another stage). */
const contextSources = (stage: DockerStage) =>
	instructionsOf(stage, 'COPY')
		.filter((copy) => copy.flags.from === undefined)
		.flatMap((copy) => copy.args.slice(0, -1));

describe('Dockerfile', () => {
	it('is multi-stage on a current Node LTS slim image', () => {
		expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
		for (const stage of dockerfile.stages) {
			if (stageNamed(stage.from) !== undefined) continue;
			const major = Number(/^node:(\d+)-bookworm-slim$/.exec(stage.from)?.[1]);
			expect(major, `FROM ${stage.from}: want node:<22|24>-bookworm-slim`).toBeGreaterThanOrEqual(22);
			expect(major % 2, `FROM ${stage.from}: an odd Node major is never LTS`).toBe(0);
		}
	});

	it('runs as a non-root user with NODE_ENV=production', () => {
		expect(runtime).toBeDefined();
		const stages = lineage(runtime as DockerStage);
		// The last USER of the nearest stage that has one is the user the container runs as.
		const user = stages.map((stage) => instructionsOf(stage, 'USER').at(-1)).find((instruction) => instruction !== undefined)?.args[0];
		expect(user, 'the runtime stage needs a USER').toBeDefined();
		expect(['root', '0', '0:0'], `USER ${user}`).not.toContain(user);
		const env = stages.flatMap((stage) => instructionsOf(stage, 'ENV')).flatMap((instruction) => instruction.args);
		expect(env).toContain('NODE_ENV=production');
		// npm ci reads NODE_ENV: set before an install, it would silently drop the dev tree the build needs.
		for (const stage of dockerfile.stages.filter((candidate) => runsNpmCi(candidate) !== undefined)) {
			const inherited = lineage(stage).flatMap((ancestor) => instructionsOf(ancestor, 'ENV').flatMap((instruction) => instruction.args));
			expect(inherited, `stage ${stage.name} installs with NODE_ENV set`).not.toContain('NODE_ENV=production');
		}
	});

	it('installs with npm ci from the lockfile and every workspace manifest', () => {
		const workspaces = (JSON.parse(readFileSync(resolveFromRoot('package.json'), 'utf8')) as { workspaces: string[] }).workspaces.flatMap((pattern) => {
			const folder = pattern.replace(/\/\*$/, '');
			return readdirSync(join(root, folder))
				.filter((name) => existsSync(join(root, folder, name, 'package.json')))
				.map((name) => `${folder}/${name}/package.json`);
		});
		const installs = dockerfile.stages.filter((stage) => runsNpmCi(stage) !== undefined);
		expect(installs.length, 'a stage must run npm ci').toBeGreaterThan(0);
		for (const stage of installs) {
			const copied = lineage(stage).flatMap(contextSources);
			expect(copied, `stage ${stage.name}`).toContain('package-lock.json');
			for (const manifest of workspaces) expect(copied, `stage ${stage.name} must copy ${manifest} before npm ci`).toContain(manifest);
		}
	});

	it('compiles in a full-install stage and copies into the runtime the production install, with no tsx, esbuild or TypeScript', () => {
		const copies = instructionsOf(runtime as DockerStage, 'COPY').filter((copy) => copy.flags.from !== undefined);
		const fromStage = (copy: DockerInstruction) => stageNamed(copy.flags.from ?? '') as DockerStage;
		const prodInstall = copies.find((copy) => copy.args[0] === '/app/node_modules');
		expect(prodInstall, 'the runtime copies /app/node_modules from an install stage').toBeDefined();
		expect(runsNpmCi(fromStage(prodInstall as DockerInstruction))?.text).toMatch(/--omit=dev/);

		// The runtime takes only /app/node_modules: a workspace's own node_modules (npm makes one when two
		// workspaces need conflicting versions) would have to be copied too.
		const nested = Object.keys(lock.packages).filter((path) => /^(apps|packages)\/[^/]+\/node_modules\//.test(path) && lock.packages[path]?.dev !== true);
		expect(nested, 'workspace-level node_modules the runtime stage does not copy').toEqual([]);

		// The loader and the compiler stay out: dev dependencies that --omit=dev leaves out, or removed
		// after the install (a devOptional package is kept by --omit=dev), and nothing else is copied
		// from node_modules.
		const install = runsNpmCi(fromStage(prodInstall as DockerInstruction))?.text ?? '';
		for (const tool of ['tsx', 'esbuild', 'typescript']) {
			const entry = lock.packages[`node_modules/${tool}`];
			expect(
				entry?.dev === true || new RegExp(`\\brm -rf\\b[^&]*\\bnode_modules/${tool}\\b`).test(install),
				`${tool} is in the production install (${JSON.stringify(entry)}): omit it or remove it after npm ci`,
			).toBe(true);
		}
		for (const copy of copies.filter((candidate) => candidate !== prodInstall)) {
			expect(copy.args[0], `COPY --from=${copy.flags.from} ${copy.args[0]}: only the install brings node_modules`).not.toMatch(/node_modules/);
		}

		// The compiled workspaces come from a stage that installed everything and ran the build.
		const built = copies.find((copy) => runsNpmCi(fromStage(copy))?.text.includes('--omit=dev') === false);
		expect(built, 'the runtime copies the compiled workspaces from a stage with a full npm ci').toBeDefined();
		const buildRuns = lineage(fromStage(built as DockerInstruction)).flatMap((stage) => instructionsOf(stage, 'RUN'));
		expect(
			buildRuns.some((run) => /\bnpm run build\b/.test(run.text)),
			'that stage runs npm run build',
		).toBe(true);
		// And the runtime takes no sources from the build context, only the manifest and the characters.
		expect(contextSources(runtime as DockerStage).sort()).toEqual(['characters', 'package.json']);
	});

	it('loads nothing at run time that the image lacks: every package the apps import is in the production install', () => {
		const compose = loadComposeFile();
		// The compiled entries import what their sources import, less the type-only imports tsc erases.
		const entries = Object.values(compose.raw.services)
			.map((service) => (Array.isArray(service.command) ? service.command.at(-1) : undefined))
			.filter((entry): entry is string => entry?.endsWith('/dist/main.js') === true)
			.map((entry) => entry.replace('/dist/main.js', '/src/main.ts'))
			.filter((entry) => existsSync(join(root, entry)));
		expect(entries.length).toBeGreaterThanOrEqual(3);
		for (const [name, importers] of collectImportedPackages(root, entries)) {
			const entry = lock.packages[`node_modules/${name}`];
			const where = [...importers].slice(0, 3).join(', ');
			expect(entry, `${name} (imported by ${where}) is not in package-lock.json`).toBeDefined();
			expect(entry?.dev !== true, `${name} (imported by ${where}) is only a devDependency: npm ci --omit=dev leaves it out`).toBe(true);
		}
	});

	it('copies from the build context only paths that exist and that .dockerignore lets through', () => {
		for (const stage of dockerfile.stages) {
			for (const source of contextSources(stage)) {
				expect(existsSync(join(root, source)), `COPY ${source} in stage ${stage.name}: not in the repository`).toBe(true);
				expect(isIgnored(source), `COPY ${source} in stage ${stage.name}: .dockerignore leaves it out of the context`).toBe(false);
			}
		}
		// The runtime needs the root manifest (repoRoot finds the repository by it) and the characters;
		// the build stage needs the build's tsconfigs and the source of every entry compose runs.
		const sourcesOf = (stage: DockerStage | undefined) =>
			stage === undefined
				? []
				: lineage(stage)
						.flatMap(contextSources)
						.map((source) => source.replace(/\/$/, ''));
		const copiedBy = (stage: DockerStage | undefined, path: string) => sourcesOf(stage).some((source) => path === source || path.startsWith(`${source}/`));
		for (const path of ['package.json', 'characters/peter.yaml']) {
			expect(copiedBy(runtime, path), `${path} is not copied into the runtime stage`).toBe(true);
			expect(isIgnored(path), `${path} is left out by .dockerignore`).toBe(false);
		}
		const build = dockerfile.stages.find((stage) => instructionsOf(stage, 'RUN').some((run) => /\bnpm run build\b/.test(run.text)));
		const needed = ['tsconfig.json', 'tsconfig.workspace.json', 'tsconfig.build.json'];
		const references = (JSON.parse(readFileSync(resolveFromRoot('tsconfig.build.json'), 'utf8')) as { references: { path: string }[] }).references;
		needed.push(...references.map((reference) => reference.path));
		for (const service of Object.values(loadComposeFile().raw.services)) {
			const entry = Array.isArray(service.command) ? service.command.at(-1) : undefined;
			if (entry?.endsWith('/dist/main.js') === true) needed.push(entry.replace('/dist/main.js', '/src/main.ts'));
		}
		for (const path of needed) {
			expect(copiedBy(build, path), `${path} is not copied into the build stage`).toBe(true);
			expect(isIgnored(path), `${path} is left out by .dockerignore`).toBe(false);
		}
	});
});

describe('.dockerignore', () => {
	it('keeps node_modules, .env, .git and test output out of the build context', () => {
		for (const path of [
			'node_modules/tsx/package.json',
			'apps/gateway/node_modules/x/index.js',
			'packages/core/node_modules/.bin/tsx',
			'.env',
			'.env.production',
			'apps/gateway/.env',
			'.git/HEAD',
			'test-artifacts/screenshot.png',
			'test/pipeline/burst.e2e.test.ts',
			'packages/core/src/config/loadConfig.test.ts',
			'bench/RESULTS.md',
			'apps/gateway/dist/main.js',
			'packages/core/dist/tsconfig.build.tsbuildinfo',
		]) {
			expect(isIgnored(path), path).toBe(true);
		}
	});

	it('lets through what the image is built from', () => {
		for (const path of [
			'package.json',
			'package-lock.json',
			'.npmrc',
			'tsconfig.json',
			'tsconfig.workspace.json',
			'tsconfig.build.json',
			'apps/gateway/tsconfig.build.json',
			'apps/gateway/src/main.ts',
			'packages/core/src/index.ts',
			'characters/stewie.yaml',
		]) {
			expect(isIgnored(path), path).toBe(false);
		}
	});

	it('is read the way BuildKit reads it (last match wins, parents count, ** spans folders)', () => {
		const ignore = dockerignoreMatcher('# comment\n*\n!apps/\n**/node_modules\n!apps/keep/node_modules\n/docs/*.md\n');
		expect(ignore('README.md')).toBe(true);
		expect(ignore('apps/a/src/x.ts')).toBe(false);
		expect(ignore('apps/a/node_modules/y/z.js')).toBe(true);
		expect(ignore('apps/keep/node_modules/y/z.js')).toBe(false);
		expect(ignore('node_modules')).toBe(true);
		expect(dockerignoreMatcher('docs/*.md')('docs/sub/a.md')).toBe(false);
		expect(dockerignoreMatcher('docs/**/*.md')('docs/a.md')).toBe(true);
	});
});
