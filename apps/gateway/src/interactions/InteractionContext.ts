import type { RegenerableReplies } from '@charbot/stores';
import type { CommandContext } from '../commands/CommandContext.js';
import type { SlashCommand } from '../commands/SlashCommand.js';
import type { PendingWork } from '../intake/PendingWork.js';
import type { RegenerationQuota } from '../regenerate/RegenerationQuota.js';

/** What interaction handling works with: the commands by name, the stores they and the regenerate button use, and shutdown tracking. */
export interface InteractionContext extends CommandContext {
	readonly commands: ReadonlyMap<string, SlashCommand>;
	/** Shutdown waits for interactions being handled here. */
	readonly pending: PendingWork;
	/** After this long, a reply still being worked on says so; it is updated again when the work ends. */
	readonly slowWorkMs: number;
	/** The replies members may regenerate. */
	readonly replies: RegenerableReplies;
	/** How many regenerations each member may ask for. */
	readonly regenerateQuota: RegenerationQuota;
}
