/** How the replies of a load test matched its questions (see {@link tallyAnswers}); every list empty means each was answered once. */
export interface AnswerTally {
	/** Tokens of questions nobody answered. */
	readonly missing: string[];
	/** Tokens answered more than once, with how many times. */
	readonly duplicated: string[];
	/** Tokens answered in another channel than the one they were asked in. */
	readonly misplaced: string[];
	/** Replies that answer none of the questions (ids and the start of their text). */
	readonly unexpected: string[];
}
