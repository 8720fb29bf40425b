/**
 * Takes the ping out of @everyone, @here and role mentions while keeping the sentence whole: before a capital
 * (a new sentence) the mention goes; elsewhere @everyone and @here become the word "everyone" ("Reminder for
 * @here: …" → "Reminder for everyone: …"), and a role mention goes with the next word capitalised where a
 * sentence starts.
 */
export function stripMassMentions(text: string): string {
	let result = '';
	let cursor = 0;
	for (const match of text.matchAll(/(?<![\p{L}\p{N}_])@(?:everyone|here)\b[ \t]*|<@&\d+>[ \t]*/giu)) {
		const before = result + text.slice(cursor, match.index);
		const after = text.slice(match.index + match[0].length);
		const sentenceStart = /(?:^|[.!?]\s+|\n\s*)$/u.test(before);
		cursor = match.index + match[0].length;
		if (/^(?:\p{Lu}|$|\n)/u.test(after)) result = before;
		else if (!match[0].startsWith('<')) result = `${before}${sentenceStart ? 'Everyone' : 'everyone'}${/[ \t]$/u.test(match[0]) ? ' ' : ''}`;
		else if (sentenceStart) {
			result = `${before}${after.charAt(0).toUpperCase()}`;
			cursor += 1;
		} else result = before;
	}
	return result + text.slice(cursor);
}
