import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFromRoot } from '@charbot/core';
import { z } from 'zod';

// Refreshes the vendored Discord OpenAPI spec that the emulator's conformance test validates against:
//   npm run spec:refresh -- <commit>
// The commit (7 to 40 hex digits) is required so the pin is always a deliberate choice, never "whatever main is today".

const repository = 'discord/discord-api-spec';
const specDir = resolveFromRoot('test/discord-emulator/conformance/spec');
const timeoutMs = 30_000;

const commitArgument = z
	.string({ error: 'give the commit to pin, e.g. `npm run spec:refresh -- 74fda0f`' })
	.regex(/^[0-9a-f]{7,40}$/i, 'the commit must be 7 to 40 hex digits, e.g. 74fda0f');

const commitResponse = z.object({
	sha: z.string().regex(/^[0-9a-f]{40}$/),
	commit: z.object({ committer: z.object({ date: z.string() }) }),
});

const specShape = z.object({
	openapi: z.string().startsWith('3.1', 'the conformance test reads OpenAPI 3.1 (JSON Schema 2020-12)'),
	paths: z.record(z.string(), z.unknown()),
	components: z.object({ schemas: z.record(z.string(), z.unknown()) }),
});

/** An error whose message is the whole story, printed without a stack. */
class RefreshError extends Error {}

async function download(url: string, accept: string): Promise<string> {
	let response: Response;
	try {
		response = await fetch(url, { headers: { accept, 'user-agent': 'charbot-spec-refresh' }, signal: AbortSignal.timeout(timeoutMs) });
	} catch (error) {
		const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
		throw new RefreshError(`could not reach ${new URL(url).host} (${cause}); are you offline? The vendored spec in ${specDir} is unchanged.`);
	}
	if (!response.ok) throw new RefreshError(`${url} answered ${response.status} ${response.statusText}; is the commit in ${repository}?`);
	return response.text();
}

async function main(): Promise<void> {
	const parsedCommit = commitArgument.safeParse(process.argv[2]);
	if (!parsedCommit.success) throw new RefreshError(parsedCommit.error.issues.map((issue) => issue.message).join('; '));
	const commit = parsedCommit.data.toLowerCase();

	const commitJson = await download(`https://api.github.com/repos/${repository}/commits/${commit}`, 'application/vnd.github+json');
	const parsedMeta = commitResponse.safeParse(JSON.parse(commitJson));
	if (!parsedMeta.success) throw new RefreshError(`GitHub's commit answer for ${commit} lacks sha or commit.committer.date`);
	const { sha } = parsedMeta.data;
	const date = parsedMeta.data.commit.committer.date.slice(0, 10);

	// Fetch by full sha so the files and the recorded pin cannot disagree.
	const spec = await download(`https://raw.githubusercontent.com/${repository}/${sha}/specs/openapi.json`, 'application/json');
	const licence = await download(`https://raw.githubusercontent.com/${repository}/${sha}/LICENSE`, 'text/plain');
	const parsedSpec = specShape.safeParse(JSON.parse(spec));
	if (!parsedSpec.success) throw new RefreshError(`specs/openapi.json at ${sha} is not an OpenAPI 3.1 document: ${parsedSpec.error.issues[0]?.message}`);
	if (!/MIT License/.test(licence)) throw new RefreshError(`LICENSE at ${sha} is no longer the MIT licence; check it may still be vendored before refreshing`);

	mkdirSync(specDir, { recursive: true });
	writeAtomically(join(specDir, 'openapi.json'), spec);
	writeAtomically(join(specDir, 'LICENSE'), licence);
	writeAtomically(join(specDir, 'SOURCE.md'), renderSource(sha, date));
	process.stdout.write(`vendored ${repository} specs/openapi.json at ${sha.slice(0, 7)} (${date}) into ${specDir}\n`);
	process.stdout.write('now run: npx vitest run test/discord-emulator/conformance\n');
}

function writeAtomically(path: string, text: string): void {
	writeFileSync(`${path}.tmp`, text);
	renameSync(`${path}.tmp`, path);
}

/** The SOURCE.md beside the vendored spec. */
function renderSource(sha: string, date: string): string {
	return `# Discord OpenAPI spec (vendored test data)

| | |
| --- | --- |
| Repository | https://github.com/${repository} |
| File | \`specs/openapi.json\` (OpenAPI 3.1) |
| Commit | \`${sha}\` (\`${sha.slice(0, 7)}\`) |
| Commit date | ${date} |
| Licence | MIT, Copyright 2023 Discord; the full text is in [LICENSE](./LICENSE) |

\`openapi.json\` is the file as published at that commit, unmodified. The emulator's conformance test
(\`test/discord-emulator/conformance/\`) validates every REST route and the main gateway dispatches against it;
where the spec contradicts Discord's documented wire format, the test patches the schema in one named list
(\`specExceptions.ts\`), never this file.

Refresh (needs network access to api.github.com and raw.githubusercontent.com):

\`\`\`sh
npm run spec:refresh -- <commit>
npx vitest run test/discord-emulator/conformance
\`\`\`
`;
}

main().catch((error: unknown) => {
	process.stderr.write(
		`spec:refresh: ${error instanceof RefreshError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exitCode = 1;
});
