/** Anything routable: a method and a pattern like `/channels/:channelId/messages`. */
export interface RoutePattern {
	readonly method: string;
	readonly pattern: string;
}

/** A route compiled for matching. */
export interface CompiledRoute<R extends RoutePattern = RoutePattern> {
	readonly route: R;
	/** `METHOD /pattern`, the key of stats and fault filters. */
	readonly label: string;
	readonly segments: readonly string[];
}

/** The outcome of matching a path: the route and its decoded parameters, or which methods the path allows. */
export type RouteMatch<R extends RoutePattern> =
	| { readonly kind: 'found'; readonly compiled: CompiledRoute<R>; readonly params: Record<string, string> }
	| { readonly kind: 'none'; readonly methods: readonly string[] };

/** Compiles routes once; literal segments are matched before parameters by keeping the given order. */
export function compileRoutes<R extends RoutePattern>(routes: readonly R[]): CompiledRoute<R>[] {
	return routes.map((route) => ({ route, label: `${route.method} ${route.pattern}`, segments: route.pattern.split('/').filter(Boolean) }));
}

/** Finds the route for a method and path (path segments are URL-decoded, so `%40original` is `@original`). */
export function matchRoute<R extends RoutePattern>(routes: readonly CompiledRoute<R>[], method: string, path: string): RouteMatch<R> {
	const parts = path.split('/').filter(Boolean).map(safeDecode);
	const methods: string[] = [];
	for (const compiled of routes) {
		const params = matchSegments(compiled.segments, parts);
		if (!params) continue;
		if (compiled.route.method === method) return { kind: 'found', compiled, params };
		methods.push(compiled.route.method);
	}
	return { kind: 'none', methods };
}

function matchSegments(segments: readonly string[], parts: readonly string[]): Record<string, string> | null {
	if (segments.length !== parts.length) return null;
	const params: Record<string, string> = {};
	for (const [index, segment] of segments.entries()) {
		const part = parts[index] ?? '';
		if (segment.startsWith(':')) params[segment.slice(1)] = part;
		else if (segment !== part) return null;
	}
	return params;
}

function safeDecode(part: string): string {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
}
