import type { EmulatorStore } from '../state/EmulatorStore.js';
import { serializeUser } from './serializeUser.js';

// GATEWAY_MESSAGE_CONTENT_LIMITED: the bot may read message content in under 100 guilds without verification.
const applicationFlags = 1 << 19;

/** The bot's application as `GET /applications/@me` returns it to its owner. */
export function serializeApplication(store: EmulatorStore): Record<string, unknown> {
	return {
		id: store.applicationId,
		name: store.bot.username,
		icon: null,
		description: 'Local emulator application',
		summary: '',
		type: null,
		bot_public: false,
		bot_require_code_grant: false,
		verify_key: '0'.repeat(64),
		flags: applicationFlags,
		flags_new: String(applicationFlags),
		owner: serializeUser({ id: store.bot.id, username: 'emulator-owner', globalName: null, bot: false, avatarUrl: null }),
		team: null,
		bot: serializeUser(store.bot),
		approximate_guild_count: store.guilds.size,
		approximate_user_install_count: 0,
		approximate_user_authorization_count: 0,
		integration_types_config: { 0: {} },
		redirect_uris: [],
		interactions_endpoint_url: null,
		role_connections_verification_url: null,
		explicit_content_filter: 0,
		eligible_oauth2_scopes: ['applications.commands', 'bot'],
		tags: [],
	};
}
