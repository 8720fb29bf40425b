import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

const pageDirectory = fileURLToPath(new URL('../../page/', import.meta.url));
const files: Readonly<Record<string, { readonly file: string; readonly type: string }>> = {
	'/': { file: 'index.html', type: 'text/html; charset=utf-8' },
	'/playground.js': { file: 'playground.js', type: 'text/javascript; charset=utf-8' },
	'/renderMessage.js': { file: 'renderMessage.js', type: 'text/javascript; charset=utf-8' },
	'/commandForm.js': { file: 'commandForm.js', type: 'text/javascript; charset=utf-8' },
	'/playground.css': { file: 'playground.css', type: 'text/css; charset=utf-8' },
};

/** Serves the playground's static files; returns false for other paths. */
export async function servePlayground(path: string, response: ServerResponse): Promise<boolean> {
	const entry = files[path];
	if (!entry) return false;
	const body = await readFile(`${pageDirectory}${entry.file}`);
	response.writeHead(200, {
		'content-type': entry.type,
		'cache-control': 'no-store',
		'content-security-policy': "default-src 'self'; img-src 'self' data: http: https:; style-src 'self'; script-src 'self'",
	});
	response.end(body);
	return true;
}
