/** The names that persona macros stand for. */
export interface MacroValues {
	/** The character's display name, for `{{char}}` and `<BOT>`. */
	readonly char: string;
	/** What `{{user}}` and `<USER>` become (a stand-in in system messages, see `PromptTexts.userStandIn`). */
	readonly user: string;
}

/** Replaces `{{char}}`/`<BOT>` and `{{user}}`/`<USER>` (any letter case) in persona text. Never applied to member text. */
export function substituteMacros(text: string, values: MacroValues): string {
	return text.replace(/\{\{\s*(char|user)\s*\}\}|<(bot|user)>/gi, (_match, braced: string | undefined, angled: string | undefined) => {
		const name = (braced ?? angled ?? '').toLowerCase();
		return name === 'user' ? values.user : values.char;
	});
}
