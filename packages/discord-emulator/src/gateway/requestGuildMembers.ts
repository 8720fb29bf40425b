import { serializeMember } from '../serialize/serializeGuildParts.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';

const chunkSize = 1000;

/** GUILD_MEMBERS_CHUNK payloads answering one Request Guild Members (op 8) for one guild. */
export function requestGuildMembers(store: EmulatorStore, guildId: string, data: Record<string, unknown>): Record<string, unknown>[] {
	const guild = store.guilds.get(guildId);
	if (!guild) return [];
	const nonce = typeof data.nonce === 'string' ? data.nonce : undefined;
	const userIds = Array.isArray(data.user_ids) ? data.user_ids.map(String) : typeof data.user_ids === 'string' ? [data.user_ids] : null;
	const limit = typeof data.limit === 'number' && data.limit > 0 ? data.limit : Number.POSITIVE_INFINITY;
	let members = [...guild.members.values()];
	const notFound: string[] = [];
	if (userIds) {
		members = userIds.flatMap((id) => {
			const member = guild.members.get(id);
			if (!member) notFound.push(id);
			return member ? [member] : [];
		});
	} else if (typeof data.query === 'string' && data.query !== '') {
		const query = data.query.toLowerCase();
		members = members.filter((member) => {
			const user = store.users.get(member.userId);
			return user?.username.toLowerCase().startsWith(query) || member.nick?.toLowerCase().startsWith(query);
		});
		members = members.slice(0, Math.min(100, limit));
	} else members = members.slice(0, limit);

	const chunkCount = Math.max(1, Math.ceil(members.length / chunkSize));
	return Array.from({ length: chunkCount }, (_, index) => ({
		guild_id: guildId,
		members: members.slice(index * chunkSize, (index + 1) * chunkSize).map((member) => serializeMember(member, store.users.get(member.userId))),
		chunk_index: index,
		chunk_count: chunkCount,
		...(index === 0 && notFound.length > 0 ? { not_found: notFound } : {}),
		...(nonce === undefined ? {} : { nonce }),
	}));
}
