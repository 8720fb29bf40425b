import type { AnswerTally } from './AnswerTally.js';
import type { CharacterReply } from './CharacterReply.js';
import type { SentQuestion } from './SentQuestion.js';

/**
 * Matches replies to questions by token. Replies carrying the token of a question in `tolerated` (asked but, say, not
 * accepted) are neither required nor unexpected, though a second reply to one still counts as duplicated.
 */
export function tallyAnswers(questions: readonly SentQuestion[], replies: readonly CharacterReply[], tolerated: readonly SentQuestion[] = []): AnswerTally {
	const asked = new Map([...questions, ...tolerated].map((question) => [question.token, question]));
	const byToken = new Map<string, CharacterReply[]>();
	const unexpected: string[] = [];
	for (const reply of replies) {
		if (reply.token === undefined || !asked.has(reply.token)) {
			unexpected.push(`${reply.id}: ${reply.content.slice(0, 60)}`);
			continue;
		}
		byToken.set(reply.token, [...(byToken.get(reply.token) ?? []), reply]);
	}
	const missing = questions.filter((question) => !byToken.has(question.token)).map((question) => question.token);
	const duplicated = [...byToken].filter(([, answers]) => answers.length > 1).map(([token, answers]) => `${token} x${answers.length}`);
	const misplaced = [...byToken]
		.filter(([token, answers]) => answers.some((answer) => answer.channelId !== asked.get(token)?.channelId))
		.map(([token]) => token);
	return { missing, duplicated, misplaced, unexpected };
}
