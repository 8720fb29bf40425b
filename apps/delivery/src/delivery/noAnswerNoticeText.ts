/** What a member who addressed a character reads when no answer passed review (the `no-good-answer` notice): short, neutral, pinging nobody. */
export function noAnswerNoticeText(characterName: string): string {
	return `Sorry — ${characterName} couldn't come up with a good answer this time. Try asking another way.`;
}
