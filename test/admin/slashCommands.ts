import type { DiscordEmulator, InteractionView } from '@charbot/discord-emulator';

/** A slash command as a member types it. */
export interface Invocation {
	readonly user: string;
	readonly name: string;
	readonly group?: string;
	readonly sub?: string;
	readonly options?: Readonly<Record<string, string | number | boolean>>;
	readonly channel?: string;
	/** Files for attachment options, by option name. */
	readonly attachments?: Readonly<Record<string, { readonly filename: string; readonly contentType?: string; readonly data: Uint8Array }>>;
}

/** Runs a slash command in the emulator as a seeded user (by username), in #general unless told. */
export function invoke(emulator: DiscordEmulator, invocation: Invocation): InteractionView {
	const seed = emulator.seed;
	if (!seed) throw new Error('the emulator has no seeded world');
	const userId = seed.users[invocation.user];
	const channelId = seed.channels[invocation.channel ?? 'general'] ?? invocation.channel;
	if (userId === undefined || channelId === undefined) throw new Error(`no seeded user ${invocation.user} or channel ${invocation.channel}`);
	return emulator.control.invokeCommand({
		channelId,
		userId,
		name: invocation.name,
		...(invocation.group === undefined ? {} : { subcommandGroup: invocation.group }),
		...(invocation.sub === undefined ? {} : { subcommand: invocation.sub }),
		...(invocation.options === undefined ? {} : { options: invocation.options }),
		...(invocation.attachments === undefined ? {} : { attachments: invocation.attachments }),
	});
}

/** Runs a command and waits for its final answer: a reply that is not the "still working" note, or a private follow-up. */
export async function answerOf(emulator: DiscordEmulator, invocation: Invocation, timeoutMs = 10_000): Promise<InteractionView> {
	const { id } = invoke(emulator, invocation);
	return emulator.control.waitForInteraction(id, finished, timeoutMs);
}

/** The interaction has its answer (not only the deferral or the "still working" note). */
export function finished(view: InteractionView): boolean {
	if (view.followUps.length > 0) return true;
	return view.state === 'replied' && !(view.original?.content ?? '').startsWith('Still working on it');
}

/** The text a member sees as the answer: the reply, or the private follow-up that replaced it. */
export function answerText(view: InteractionView): string {
	return view.followUps.at(-1)?.content ?? view.original?.content ?? '';
}
