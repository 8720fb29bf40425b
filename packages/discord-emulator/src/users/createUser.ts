import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { UserRecord } from '../state/records.js';

/** Input of {@link createUser}. */
export interface CreateUserInput {
	readonly username: string;
	readonly globalName?: string | null;
	readonly bot?: boolean;
	readonly avatarUrl?: string | null;
}

/** Creates a user (a person by default); usernames need not be unique, as in the emulator's tests. */
export function createUser(store: EmulatorStore, input: CreateUserInput): UserRecord {
	if (input.username.trim().length === 0 || input.username.length > 32) throw new Error('username must be 1 to 32 characters');
	const user: UserRecord = {
		id: store.ids.next(),
		username: input.username,
		globalName: input.globalName ?? null,
		bot: input.bot ?? false,
		avatarUrl: input.avatarUrl ?? null,
	};
	store.users.set(user.id, user);
	return user;
}
