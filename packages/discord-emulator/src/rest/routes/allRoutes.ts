import type { RestRoute } from '../RestRoute.js';
import { commandRoutes } from './commandRoutes.js';
import { guildRoutes } from './guildRoutes.js';
import { interactionRoutes } from './interactionRoutes.js';
import { messageRoutes } from './messageRoutes.js';
import { reactionRoutes } from './reactionRoutes.js';
import { tokenMessageRoutes } from './tokenMessageRoutes.js';
import { userRoutes } from './userRoutes.js';
import { webhookRoutes } from './webhookRoutes.js';

/** Every REST route of the emulator, literal paths before parameterised ones. */
export const allRoutes: readonly RestRoute[] = [
	...userRoutes,
	...commandRoutes,
	...messageRoutes,
	...reactionRoutes,
	...webhookRoutes,
	...tokenMessageRoutes,
	...interactionRoutes,
	...guildRoutes,
];
