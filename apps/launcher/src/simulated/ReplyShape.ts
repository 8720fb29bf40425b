/**
 * The kinds of message a simulated reply answers: a hello, a request to remember something, a question about what
 * the character remembers, a question about another character, another character's line (banter), an open question,
 * a yes-or-no question, a statement, or nothing readable.
 */
export type ReplyShape = 'greeting' | 'remember' | 'recall' | 'opinion' | 'banter' | 'question' | 'yesno' | 'statement' | 'empty';
