import { readFileSync } from 'node:fs';
import { resolveFromRoot } from '@charbot/core';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const packageJson = z.object({ engines: z.object({ node: z.string() }) });
const lockfile = z.object({
	packages: z.record(
		z.string(),
		z.object({ engines: z.union([z.object({ node: z.string().optional() }), z.array(z.string())]).optional(), os: z.array(z.string()).optional() }),
	),
});

/** The first and a late version of every range the claim names, e.g. 20.19.0 and 20.99.0 for `^20.19.0`. */
function versionsClaimed(range: string): string[] {
	return range.split('||').flatMap((part) => {
		const lowest = semver.minVersion(part.trim())?.version;
		if (!lowest) throw new Error(`engines range "${part}" has no lowest version`);
		return [lowest, `${semver.major(lowest)}.99.0`];
	});
}

describe('Node versions', () => {
	const claim = packageJson.parse(JSON.parse(readFileSync(resolveFromRoot('package.json'), 'utf8'))).engines.node;

	it('every installed package supports every Node version package.json claims, so `npm ci` warns about none', () => {
		const locked = lockfile.parse(JSON.parse(readFileSync(resolveFromRoot('package-lock.json'), 'utf8'))).packages;
		const misfits = Object.entries(locked).flatMap(([path, entry]) => {
			const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
			// A platform's own build (sharp's prebuilt libvips for Windows, say) is never installed on Linux, where charbot runs.
			const notForLinux = entry.os !== undefined && !entry.os.includes('linux');
			if (path === '' || wanted === undefined || notForLinux) return [];
			return versionsClaimed(claim)
				.filter((version) => !semver.satisfies(version, wanted))
				.map((version) => `${path} wants node ${wanted}, not ${version}`);
		});
		expect(misfits).toEqual([]);
	});

	it('the README claims what package.json does, and the Node running the tests is one of them', () => {
		expect(readFileSync(resolveFromRoot('README.md'), 'utf8')).toContain('Node.js **20.19+, 22.13+ or 24+**');
		expect(claim).toBe('^20.19.0 || ^22.13.0 || >=24');
		expect(semver.satisfies(process.versions.node, claim)).toBe(true);
	});
});
