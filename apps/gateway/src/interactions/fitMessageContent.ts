import { truncateText } from '../intake/truncateText.js';

/** Discord's limit on a message's content, in UTF-16 units. */
const maxContentLength = 2000;

/** `text` cut to fit one Discord message (ending with "…" when cut), so an answer quoting a member's overlong input is still sent. */
export function fitMessageContent(text: string): string {
	return text.length <= maxContentLength ? text : `${truncateText(text, maxContentLength - 1)}…`;
}
