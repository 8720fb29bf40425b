/** Finds a load question's token (`qt<tag>n<index>z`) in a question or a reply; see {@link sendQuestions}. */
export const questionTokenPattern = /\bqt[a-z0-9]+n\d+z\b/;
