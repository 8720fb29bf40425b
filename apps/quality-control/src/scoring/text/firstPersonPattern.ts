/** First- or second-person words: a speaker talking, not a narrator describing. */
export const firstPersonPattern = /\b(?:I|I'm|I've|I'll|I'd|me|my|mine|myself|we|we're|we've|us|our|ours|you|you're|you've|you'll|your|yours|ya|y'all)\b/iu;
