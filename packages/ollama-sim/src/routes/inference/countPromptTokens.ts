import { tokensPerImage } from '../../images/tokensPerImage.js';
import { countTokens } from '../../text/countTokens.js';
import type { InferenceRequest } from './parseInferenceRequest.js';

/** Tokens each message adds for its chat-template framing. */
const templateTokensPerMessage = 4;

/** The prompt's full length in tokens, before any truncation: each message's text and framing, and each image. */
export function countPromptTokens(request: Pick<InferenceRequest, 'messages' | 'images'>): number {
	const textTokens = request.messages.reduce((sum, message) => sum + countTokens(message.content) + templateTokensPerMessage, 0);
	return textTokens + request.images.length * tokensPerImage;
}
