// The operator docs name real things: files, compose services, queue keys. These checks keep them so
// when code moves.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Keyspace, repoRoot, resolveFromRoot } from '@charbot/core';
import { QueueName } from '@charbot/contracts';
import { describe, expect, it } from 'vitest';
import { loadComposeFile } from './loadComposeFile.js';

const root = repoRoot();
const docs = ['docs/runbook.md', 'docs/scaling.md', 'docs/quick-reference.md'];
const read = (path: string) => readFileSync(resolveFromRoot(path), 'utf8');

describe('operator docs', () => {
	it('are linked from the README', () => {
		const readme = read('README.md');
		for (const doc of docs) expect(readme, `README.md links ${doc}`).toContain(`(${doc})`);
	});

	it('link only to files that exist', () => {
		for (const doc of docs) {
			for (const match of read(doc).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
				const target = match[1] ?? '';
				if (/^[a-z]+:/.test(target)) continue;
				expect(existsSync(join(root, dirname(doc), target)), `${doc} links ${target}`).toBe(true);
			}
		}
	});

	it('name repository paths that exist', () => {
		for (const doc of docs) {
			// Anywhere in the text, commands included; `/app/...` paths inside the container don't count.
			for (const match of read(doc).matchAll(/(?<![\w/.-])((?:apps|packages|characters|docs|test)\/[\w./-]*\w)/g)) {
				const path = match[1] ?? '';
				expect(existsSync(join(root, path)), `${doc} names ${path}`).toBe(true);
			}
		}
	});

	it('run commands only against services the compose file defines', () => {
		const services = Object.keys(loadComposeFile().raw.services);
		for (const doc of docs) {
			const commands =
				/docker compose (?:exec|run --rm --no-deps|restart|logs -f|logs|ps|up -d --no-deps|up -d|stop|up)(?: --index \d+)? ([a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)*)/g;
			for (const match of read(doc).matchAll(commands)) {
				for (const name of (match[1] ?? '').split(' ')) {
					if (['node', 'redis-cli', 'ollama', 'npm', 'grep'].includes(name)) break;
					expect(services, `${doc}: "${match[0]}"`).toContain(name);
				}
			}
		}
	});

	it('spell queue keys the way Keyspace and BullMQ build them', () => {
		const wait = `${new Keyspace('charbot').queuePrefix(QueueName.Route)}:${QueueName.Route}:wait`;
		expect(wait).toBe('charbot:q:{route}:route:wait');
		for (const doc of docs) expect(read(doc), doc).toContain(wait);
		for (const doc of docs) {
			for (const match of read(doc).matchAll(/charbot:q:\{([a-z]+)\}:([a-z]+):/g)) {
				expect(Object.values(QueueName), `${doc}: ${match[0]}`).toContain(match[1]);
				expect(match[2], `${doc}: ${match[0]} (the hash tag names the queue)`).toBe(match[1]);
			}
		}
	});
});
