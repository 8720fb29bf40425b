import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

const pageDirectory = fileURLToPath(new URL('../../page/', import.meta.url));
const types: Readonly<Record<string, string>> = {
	html: 'text/html; charset=utf-8',
	js: 'text/javascript; charset=utf-8',
	css: 'text/css; charset=utf-8',
	svg: 'image/svg+xml',
};
// One flat folder of page files; the pattern keeps requests inside it.
const pageFile = /^\/([\w-]+\.(html|js|css|svg))$/;
// Nothing the page loads may come from outside the machine: scripts, styles, images and requests are same-origin only.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";

/** Serves the playground's static files (`/` is index.html, `/favicon.ico` the SVG icon); returns false for other paths. */
export async function servePlayground(path: string, response: ServerResponse): Promise<boolean> {
	const wanted = path === '/' ? '/index.html' : path === '/favicon.ico' ? '/favicon.svg' : path;
	const match = pageFile.exec(wanted);
	if (!match) return false;
	const body = await readFile(`${pageDirectory}${match[1]}`).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return null;
		throw error;
	});
	if (body === null) return false;
	response.writeHead(200, {
		'content-type': types[match[2] ?? ''] ?? 'application/octet-stream',
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff',
		'content-security-policy': contentSecurityPolicy,
	});
	response.end(body);
	return true;
}
