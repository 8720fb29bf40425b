import type { CaseRequest, ConformanceKit } from './ConformanceKit.js';

/** One request to one emulator route, validated against the spec for its path, method and status. */
export interface RouteCase {
	/** The emulator route it exercises, as `allRoutes` labels it: `POST /channels/:channelId/messages`. */
	readonly route: string;
	/** What this case shows, e.g. `sends an embed`. */
	readonly title: string;
	/** The status the emulator must answer (Discord's for this request). */
	readonly status: number;
	/** Sets up what it needs through the kit, then returns the request to validate. */
	readonly request: (kit: ConformanceKit) => CaseRequest | Promise<CaseRequest>;
	/** Facts the schema cannot state (a field's value, an absent field); throw (or use `expect`) when one does not hold. */
	readonly verify?: (body: unknown, kit: ConformanceKit) => void | Promise<void>;
}
