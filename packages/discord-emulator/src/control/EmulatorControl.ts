import { createUploadedAttachment, MaxAttachmentBytes, type UploadedFile } from '../attachments/createUploadedAttachment.js';
import { openDmChannel } from '../channels/openDmChannel.js';
import { type ClickComponentInput, clickComponent } from '../components/clickComponent.js';
import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { EmulatorInputError } from '../errors/EmulatorInputError.js';
import { addReaction } from '../reactions/addReaction.js';
import { parseReactionEmoji } from '../reactions/parseReactionEmoji.js';
import { removeReaction } from '../reactions/removeReaction.js';
import type { GatewayServer } from '../gateway/GatewayServer.js';
import type { GatewaySessionInfo, ShardSelector } from '../gateway/GatewaySessionInfo.js';
import type { GatewayStatsSnapshot } from '../gateway/GatewayStats.js';
import { type AddMemberInput, addMember } from '../guilds/addMember.js';
import { type CreateChannelInput, createChannel } from '../guilds/createChannel.js';
import { deleteChannel } from '../guilds/deleteChannel.js';
import { removeBotFromGuild } from '../guilds/removeBotFromGuild.js';
import { type CreateGuildInput, createGuild } from '../guilds/createGuild.js';
import { createRole } from '../guilds/createRole.js';
import { type InvokeCommandInput, invokeCommand } from '../interactions/invokeCommand.js';
import { createMessage } from '../messages/createMessage.js';
import { hasPermission } from '../permissions/computeMemberPermissions.js';
import { memberPermissionsIn } from '../permissions/memberPermissionsIn.js';
import { type PermissionName, PermissionFlags, resolvePermissions } from '../permissions/PermissionFlags.js';
import type { FaultInjector, RateLimitFaultOptions, ServerErrorFaultOptions } from '../ratelimits/FaultInjector.js';
import type { RestStats, RestStatsSnapshot } from '../rest/RestStats.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { MessageRecord, ReactionEmoji } from '../state/records.js';
import { type CreateUserInput, createUser } from '../users/createUser.js';
import {
	type ChannelInfo,
	type CommandInfo,
	channelInfo,
	commandInfo,
	type GuildInfo,
	guildInfo,
	type MemberInfo,
	memberInfo,
	type RoleInfo,
	roleInfo,
	type UserInfo,
	userInfo,
} from './infoViews.js';
import { isFromBot, toInteractionView, toTranscriptMessage } from './toTranscriptMessage.js';
import type { InteractionView, TranscriptMessage } from './views.js';
import { waitForEvent } from './waitForEvent.js';

/** Permissions given as names, a bigint or a digit string. */
export type PermissionInput = bigint | string | readonly PermissionName[];

/** Input of {@link EmulatorControl.postMessage}. */
export interface PostMessageInput {
	readonly channelId: string;
	/** The user writing; must be a member of the guild (or the DM's recipient). */
	readonly authorId: string;
	readonly content: string;
	/** Id of a message in the same channel to reply to. */
	readonly replyTo?: string | undefined;
	readonly embeds?: readonly Record<string, unknown>[] | undefined;
	/** Files to attach (at most 10, each at most 10 MiB), kept and served under `/_emu/attachments/`. */
	readonly attachments?: readonly UploadedFile[] | undefined;
}

/** Input of {@link EmulatorControl.addReaction} and {@link EmulatorControl.removeReaction}. */
export interface ReactionInput {
	readonly channelId: string;
	readonly messageId: string;
	/** The member reacting. */
	readonly userId: string;
	/** A unicode emoji (`👍`) or a custom one as `name:id`, `a:name:id` or `<:name:id>`. */
	readonly emoji: string;
}

/** Options of {@link EmulatorControl.waitForBotMessage}. */
export interface WaitForBotMessageOptions {
	readonly channelId?: string | undefined;
	/** Default 10,000 ms. */
	readonly timeoutMs?: number | undefined;
	/** Only messages this accepts. */
	readonly filter?: ((message: TranscriptMessage) => boolean) | undefined;
}

/** Everything counted so far. */
export interface EmulatorStats {
	readonly rest: RestStatsSnapshot;
	readonly gateway: GatewayStatsSnapshot;
	readonly guilds: number;
	readonly channels: number;
	readonly users: number;
	readonly interactions: number;
}

/** The control API of the emulator, for tests and the playground: make the world, act as users, read what the bot did, inject faults. */
export class EmulatorControl {
	readonly #store: EmulatorStore;
	readonly #gateway: GatewayServer;
	readonly #faults: FaultInjector;
	readonly #restStats: RestStats;
	readonly #baseUrl: string;

	/** `baseUrl` is where the emulator listens (`http://127.0.0.1:PORT`); attachment URLs point there. */
	public constructor(store: EmulatorStore, gateway: GatewayServer, faults: FaultInjector, restStats: RestStats, baseUrl: string) {
		this.#store = store;
		this.#gateway = gateway;
		this.#faults = faults;
		this.#restStats = restStats;
		this.#baseUrl = baseUrl;
	}

	/** The bot user. */
	public get bot(): UserInfo {
		return userInfo(this.#store.bot);
	}

	/** Creates a guild (the bot joins it; connected sessions get GUILD_CREATE). */
	public createGuild(input: { readonly name: string; readonly ownerId?: string; readonly everyonePermissions?: PermissionInput }): GuildInfo {
		const { everyonePermissions, ...rest } = input;
		const guildInput: CreateGuildInput = everyonePermissions === undefined ? rest : { ...rest, everyonePermissions: resolvePermissions(everyonePermissions) };
		return guildInfo(this.#store, createGuild(this.#store, guildInput));
	}

	/** Creates a text channel (or category with `type: 4`). */
	public createChannel(guildId: string, input: CreateChannelInput): ChannelInfo {
		return channelInfo(createChannel(this.#store, guildId, input));
	}

	/** Deletes a guild channel and its webhooks (connected sessions get CHANNEL_DELETE). */
	public deleteChannel(channelId: string): ChannelInfo {
		return channelInfo(deleteChannel(this.#store, channelId));
	}

	/** Removes the bot from a guild (connected sessions get GUILD_DELETE); its webhooks there stay. */
	public removeBotFromGuild(guildId: string): void {
		removeBotFromGuild(this.#store, guildId);
	}

	/** The bot's DM channel with a user. */
	public createDmChannel(userId: string): ChannelInfo {
		return channelInfo(openDmChannel(this.#store, userId));
	}

	/** Creates a user. */
	public createUser(input: CreateUserInput): UserInfo {
		return userInfo(createUser(this.#store, input));
	}

	/** Creates a role with permissions such as `['ManageGuild']`. */
	public createRole(
		guildId: string,
		input: { readonly name: string; readonly permissions?: PermissionInput; readonly mentionable?: boolean; readonly color?: number },
	): RoleInfo {
		const { permissions, ...rest } = input;
		return roleInfo(createRole(this.#store, guildId, permissions === undefined ? rest : { ...rest, permissions: resolvePermissions(permissions) }));
	}

	/** Adds a user to a guild with roles (or updates an existing member). */
	public addMember(guildId: string, userId: string, input: AddMemberInput = {}): MemberInfo {
		return memberInfo(this.#store, guildId, addMember(this.#store, guildId, userId, input));
	}

	/** Every guild. */
	public guilds(): GuildInfo[] {
		return [...this.#store.guilds.values()].map((guild) => guildInfo(this.#store, guild));
	}

	/** One guild, or an error naming the id. */
	public guild(guildId: string): GuildInfo {
		const guild = this.#store.guilds.get(guildId);
		if (!guild) throw new EmulatorInputError(`guild ${guildId} does not exist`);
		return guildInfo(this.#store, guild);
	}

	/** A guild's members with their computed guild permissions. */
	public members(guildId: string): MemberInfo[] {
		const guild = this.#store.guilds.get(guildId);
		if (!guild) throw new EmulatorInputError(`guild ${guildId} does not exist`);
		return [...guild.members.values()].map((member) => memberInfo(this.#store, guildId, member));
	}

	/** Every user (people and bots). */
	public users(): UserInfo[] {
		return [...this.#store.users.values()].map(userInfo);
	}

	/** The bot's DM channels. */
	public dmChannels(): ChannelInfo[] {
		return [...this.#store.dmChannelByUser.values()].flatMap((id) => {
			const channel = this.#store.channels.get(id);
			return channel ? [channelInfo(channel)] : [];
		});
	}

	/** A channel by name (in one guild, or the first anywhere). */
	public findChannel(name: string, guildId?: string): ChannelInfo {
		for (const channel of this.#store.channels.values()) {
			if (channel.name === name && (guildId === undefined || channel.guildId === guildId)) return channelInfo(channel);
		}
		throw new EmulatorInputError(`no channel named #${name}${guildId ? ` in guild ${guildId}` : ''}`);
	}

	/** A user by username. */
	public findUser(username: string): UserInfo {
		for (const user of this.#store.users.values()) if (user.username === username) return userInfo(user);
		throw new EmulatorInputError(`no user named ${username}`);
	}

	/** Posts a message as a user (optionally a reply, with files): mentions are parsed from `<@id>`, `<@&id>` and @everyone; connected bots get MESSAGE_CREATE. */
	public postMessage(input: PostMessageInput): TranscriptMessage {
		const channel = this.#store.channels.get(input.channelId);
		if (!channel) throw new EmulatorInputError(`channel ${input.channelId} does not exist`);
		const user = this.#store.users.get(input.authorId);
		if (!user) throw new EmulatorInputError(`user ${input.authorId} does not exist`);
		if (channel.guildId !== null && !this.#store.guilds.get(channel.guildId)?.members.has(user.id)) {
			throw new EmulatorInputError(`${user.username} is not a member of guild ${channel.guildId}`);
		}
		if (channel.guildId === null && channel.recipientId !== user.id) throw new EmulatorInputError(`${user.username} is not in DM channel ${channel.id}`);
		const files = input.attachments ?? [];
		if (files.length > 10) throw new EmulatorInputError(`attachments: ${files.length} files; Discord allows 10 per message`);
		files.forEach((file, index) => {
			if (file.data.byteLength > MaxAttachmentBytes) {
				throw new EmulatorInputError(`attachments.${index}: ${file.filename} is ${file.data.byteLength} bytes; Discord's upload limit is 10 MiB`);
			}
		});
		if (
			files.length > 0 &&
			channel.guildId !== null &&
			!hasPermission(memberPermissionsIn(this.#store, channel.guildId, user.id, channel), PermissionFlags.AttachFiles)
		) {
			throw DiscordApiFailure.missingPermissions();
		}
		const message = createMessage(this.#store, {
			channelId: channel.id,
			author: { kind: 'user', userId: user.id },
			content: input.content,
			embeds: input.embeds,
			messageReference: input.replyTo === undefined ? undefined : { message_id: input.replyTo },
			attachments: files.map((file) => createUploadedAttachment(this.#store, channel.id, this.#baseUrl, file)),
			checkPermissions: true,
		});
		return toTranscriptMessage(this.#store, message);
	}

	/** Runs a registered slash command as a member; the bot gets INTERACTION_CREATE with the member's computed permissions. */
	public invokeCommand(input: Omit<InvokeCommandInput, 'focused'>): InteractionView {
		return toInteractionView(this.#store, invokeCommand(this.#store, input, this.#baseUrl));
	}

	/** Sends an autocomplete interaction for option `focused` (its current text in `options`). */
	public autocomplete(input: InvokeCommandInput & { readonly focused: string }): InteractionView {
		return toInteractionView(this.#store, invokeCommand(this.#store, input));
	}

	/** Reacts to a message as a member (emoji `👍`, `name:id` or `<:name:id>`), with their permissions checked; the bot gets MESSAGE_REACTION_ADD. */
	public addReaction(input: ReactionInput): TranscriptMessage {
		const { message, emoji } = this.#reactionTarget(input);
		addReaction(this.#store, message, input.userId, emoji);
		return toTranscriptMessage(this.#store, message);
	}

	/** Takes a member's reaction back; the bot gets MESSAGE_REACTION_REMOVE. */
	public removeReaction(input: ReactionInput): TranscriptMessage {
		const { message, emoji } = this.#reactionTarget(input);
		removeReaction(this.#store, message, input.userId, emoji);
		return toTranscriptMessage(this.#store, message);
	}

	/** Clicks a button or picks `values` in a select menu of a bot message as a member; the bot gets a MESSAGE_COMPONENT INTERACTION_CREATE. */
	public clickComponent(input: ClickComponentInput): InteractionView {
		return toInteractionView(this.#store, clickComponent(this.#store, input));
	}

	#reactionTarget(input: ReactionInput): { message: MessageRecord; emoji: ReactionEmoji } {
		const channel = this.#store.channels.get(input.channelId);
		if (!channel) throw new EmulatorInputError(`channel ${input.channelId} does not exist`);
		const user = this.#store.users.get(input.userId);
		if (!user) throw new EmulatorInputError(`user ${input.userId} does not exist`);
		if (channel.guildId !== null && !this.#store.guilds.get(channel.guildId)?.members.has(user.id)) {
			throw new EmulatorInputError(`${user.username} is not a member of guild ${channel.guildId}`);
		}
		const message = this.#store.message(channel.id, input.messageId);
		if (!message) throw new EmulatorInputError(`message ${input.messageId} does not exist in channel ${channel.id}`);
		const text = input.emoji.replace(/^<(a?:\w+:\d+)>$/, '$1');
		try {
			return { message, emoji: parseReactionEmoji(text) };
		} catch {
			throw new EmulatorInputError(`emoji ${JSON.stringify(input.emoji)} is neither a unicode emoji nor a custom emoji like name:123456789012345678`);
		}
	}

	/** What the bot has answered to an interaction so far. */
	public interactionResponses(interactionId: string): InteractionView {
		const interaction = this.#store.interactions.get(interactionId);
		if (!interaction) throw new EmulatorInputError(`interaction ${interactionId} does not exist (or was forgotten)`);
		return toInteractionView(this.#store, interaction);
	}

	/** Waits until the interaction's view satisfies `until` (default: answered with content, i.e. state `replied`). */
	public async waitForInteraction(
		interactionId: string,
		until: (view: InteractionView) => boolean = (view) => view.state === 'replied',
		timeoutMs = 10_000,
	): Promise<InteractionView> {
		const now = this.interactionResponses(interactionId);
		if (until(now)) return now;
		return waitForEvent(
			this.#store,
			(event) => {
				if (event.type !== 'interactionUpdate' || event.interaction.id !== interactionId) return undefined;
				const view = toInteractionView(this.#store, event.interaction);
				return until(view) ? view : undefined;
			},
			timeoutMs,
			`interaction ${interactionId} to reach the expected state`,
		);
	}

	/** Registered commands visible in a guild (guild and global), or only global ones. */
	public commands(guildId?: string): CommandInfo[] {
		return [...this.#store.commands.values()].filter((command) => command.guildId === null || command.guildId === guildId).map(commandInfo);
	}

	/** A channel's messages, oldest first, with author identity and pings. */
	public transcript(channelId: string, options: { readonly limit?: number } = {}): TranscriptMessage[] {
		const channel = this.#store.channels.get(channelId);
		if (!channel) throw new EmulatorInputError(`channel ${channelId} does not exist`);
		const messages = [...(channel.messages?.values() ?? [])];
		return messages.slice(-(options.limit ?? messages.length)).map((message) => toTranscriptMessage(this.#store, message));
	}

	/** Resolves with the next message the bot (or its webhooks, or an interaction response) posts, skipping "thinking" placeholders. */
	public waitForBotMessage(options: WaitForBotMessageOptions = {}): Promise<TranscriptMessage> {
		const loading = new Set<string>();
		return waitForEvent(
			this.#store,
			(event) => {
				if (event.type !== 'messageCreate' && event.type !== 'messageUpdate') return undefined;
				const { message } = event;
				if (!isFromBot(this.#store, message) || (options.channelId !== undefined && message.channelId !== options.channelId)) return undefined;
				if ((message.flags & 128) !== 0) {
					loading.add(message.id);
					return undefined;
				}
				if (event.type === 'messageUpdate' && !loading.delete(message.id)) return undefined;
				const view = toTranscriptMessage(this.#store, message);
				return options.filter === undefined || options.filter(view) ? view : undefined;
			},
			options.timeoutMs ?? 10_000,
			`a bot message${options.channelId ? ` in channel ${options.channelId}` : ''}`,
		);
	}

	/** Answers matching REST requests with 429 (by count or for a duration; per route or global). */
	public injectRateLimit(options: RateLimitFaultOptions): void {
		this.#faults.addRateLimit(options);
	}

	/** Answers the next `count` matching REST requests with a 5xx. */
	public injectServerErrors(options: ServerErrorFaultOptions): void {
		this.#faults.addServerErrors(options);
	}

	/** Removes pending injected faults. */
	public clearFaults(): void {
		this.#faults.clear();
	}

	/** Drops gateway sockets (no close frame; or closes with `code`); clients resume. Returns how many. */
	public dropSockets(selector: ShardSelector & { readonly code?: number } = {}): number {
		return this.#gateway.dropSockets(selector);
	}

	/** Sends op 7 Reconnect; clients reconnect and resume. */
	public requestReconnect(selector: ShardSelector = {}): number {
		return this.#gateway.requestReconnect(selector);
	}

	/** Sends op 9 Invalid Session (resumable or not). */
	public invalidateSessions(selector: ShardSelector & { readonly resumable?: boolean } = {}): number {
		return this.#gateway.invalidateSessions(selector);
	}

	/** Gateway sessions, connected or resumable. */
	public sessions(): GatewaySessionInfo[] {
		return this.#gateway.sessions();
	}

	/** REST and gateway counters plus entity counts. */
	public stats(): EmulatorStats {
		return {
			rest: this.#restStats.snapshot(),
			gateway: this.#gateway.stats(),
			guilds: this.#store.guilds.size,
			channels: this.#store.channels.size,
			users: this.#store.users.size,
			interactions: this.#store.interactions.size,
		};
	}
}
