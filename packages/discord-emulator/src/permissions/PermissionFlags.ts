/** Discord permission bits the emulator knows by name (a subset of the full list). */
export const PermissionFlags = {
	CreateInstantInvite: 1n << 0n,
	KickMembers: 1n << 1n,
	BanMembers: 1n << 2n,
	Administrator: 1n << 3n,
	ManageChannels: 1n << 4n,
	ManageGuild: 1n << 5n,
	AddReactions: 1n << 6n,
	ViewAuditLog: 1n << 7n,
	ViewChannel: 1n << 10n,
	SendMessages: 1n << 11n,
	SendTTSMessages: 1n << 12n,
	ManageMessages: 1n << 13n,
	EmbedLinks: 1n << 14n,
	AttachFiles: 1n << 15n,
	ReadMessageHistory: 1n << 16n,
	MentionEveryone: 1n << 17n,
	UseExternalEmojis: 1n << 18n,
	Connect: 1n << 20n,
	Speak: 1n << 21n,
	ChangeNickname: 1n << 26n,
	ManageNicknames: 1n << 27n,
	ManageRoles: 1n << 28n,
	ManageWebhooks: 1n << 29n,
	UseApplicationCommands: 1n << 31n,
	SendMessagesInThreads: 1n << 38n,
	ModerateMembers: 1n << 40n,
} as const satisfies Record<string, bigint>;

/** A permission's name, e.g. `'ManageGuild'`. */
export type PermissionName = keyof typeof PermissionFlags;

/** Every bit above, what Administrator grants. */
export const AllPermissions: bigint = Object.values(PermissionFlags).reduce((all, bit) => all | bit, 0n);

/** What a fresh server gives @everyone: read, write, react, use commands; no pings of @everyone. */
export const DefaultEveryonePermissions: bigint = [
	'CreateInstantInvite',
	'AddReactions',
	'ViewChannel',
	'SendMessages',
	'EmbedLinks',
	'AttachFiles',
	'ReadMessageHistory',
	'UseExternalEmojis',
	'Connect',
	'Speak',
	'ChangeNickname',
	'UseApplicationCommands',
	'SendMessagesInThreads',
].reduce((all, name) => all | PermissionFlags[name as PermissionName], 0n);

/** Turns names, a bigint or a digit string into a permission bitfield. */
export function resolvePermissions(value: bigint | string | number | readonly PermissionName[]): bigint {
	if (typeof value === 'bigint') return value;
	if (typeof value === 'number') return BigInt(value);
	if (typeof value === 'string') {
		if (!/^\d+$/.test(value)) throw new Error(`Permissions must be a digit string, got ${JSON.stringify(value)}`);
		return BigInt(value);
	}
	return value.reduce((all, name) => {
		const bit = PermissionFlags[name];
		if (bit === undefined) throw new Error(`Unknown permission name ${JSON.stringify(name)}; known: ${Object.keys(PermissionFlags).join(', ')}`);
		return all | bit;
	}, 0n);
}
