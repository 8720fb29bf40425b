import type { SimModel } from '../../models/SimModel.js';
import { generateSchemaValue } from '../../schema/generateSchemaValue.js';
import type { ScriptBook } from '../../scripts/ScriptBook.js';
import { makeSloppy } from '../../sloppy/makeSloppy.js';
import { readPromptFacts } from '../../sloppy/readPromptFacts.js';
import type { SloppyKind } from '../../sloppy/sloppyKinds.js';
import type { SloppyText } from '../../sloppy/SloppyText.js';
import { describeImagesSeen } from '../../images/describeImagesSeen.js';
import { countTokens } from '../../text/countTokens.js';
import { createRandom } from '../../text/createRandom.js';
import { generateReply } from '../../text/generateReply.js';
import { hashText } from '../../text/hashText.js';
import { type LimitedReply, limitReply } from '../../text/limitReply.js';
import { countPromptTokens } from './countPromptTokens.js';
import type { InferenceRequest } from './parseInferenceRequest.js';

/** The reply to one request, cut to its limits, with the prompt's token count. */
export interface ComposedReply extends LimitedReply {
	/** Prompt tokens evaluated (truncated to `num_ctx`, as Ollama truncates). */
	readonly promptTokens: number;
	/** The failure put in before the limits, when the reply was made sloppy; the reply's own `text` is what the limits left of it. */
	readonly sloppy?: SloppyText;
}

const ollamaDefaultTemperature = 0.8;

/**
 * Picks the reply: a matching script first (used verbatim), else JSON for `format`, else prose. Generated
 * text is seeded by the model, the messages and `options.seed`; at `temperature: 0` the seed is ignored,
 * as greedy decoding ignores it. Lower temperatures also narrow the vocabulary. A `sloppyKind` puts that
 * failure into the text before `stop` and `num_predict` apply, as a model writes it before a stop cuts it.
 */
export function composeReply(
	request: InferenceRequest,
	model: SimModel,
	settings: { readonly scripts: ScriptBook; readonly replyTokens: number; readonly defaultNumCtx: number; readonly sloppyKind?: SloppyKind },
): ComposedReply {
	const numCtx = request.options.numCtx ?? settings.defaultNumCtx;
	const promptTokens = Math.min(countPromptTokens(request), numCtx);
	const lastUserMessage = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
	const temperature = request.options.temperature ?? ollamaDefaultTemperature;
	// Images seed the text too, yet a request without any keeps the seed it always had.
	const imageHashes = request.images.map((image) => `\u0000${image.sha256}`).join('');
	const seed = hashText(`${model.name}\u0000${temperature === 0 ? '' : (request.options.seed ?? '')}\u0000${JSON.stringify(request.messages)}${imageHashes}`);
	const scripted = settings.scripts.take({
		model: request.model,
		lastUserMessage,
		messages: request.messages.map((message) => ({ ...message })),
		images: request.images.map((image) => ({ ...image })),
		...(request.format === undefined ? {} : { format: request.format }),
	});
	let text: string;
	if (scripted !== undefined) text = scripted;
	else if (request.format === 'json') text = JSON.stringify({ response: generateReply({ seed, tokens: Math.min(settings.replyTokens, 60) }) });
	else if (request.format !== undefined) text = JSON.stringify(generateSchemaValue(request.format, createRandom(seed)));
	else text = withImagesSeen(request.images.length, settings.replyTokens, (tokens) => generateReply({ seed, tokens, variety: Math.max(0.15, temperature) }));
	const sloppy =
		settings.sloppyKind === undefined ? undefined : makeSloppy(text, { kind: settings.sloppyKind, seed, facts: readPromptFacts(request.messages) });
	const numPredict = request.options.numPredict;
	const maxTokens = numPredict !== undefined && numPredict > 0 ? numPredict : numPredict === -2 ? Math.max(0, numCtx - promptTokens) : Number.POSITIVE_INFINITY;
	return { ...limitReply(sloppy?.text ?? text, { stop: request.options.stop ?? [], maxTokens }), promptTokens, ...(sloppy === undefined ? {} : { sloppy }) };
}

// The sentence naming the pictures comes first and the prose fills what is left of the reply's length.
function withImagesSeen(imageCount: number, replyTokens: number, prose: (tokens: number) => string): string {
	if (imageCount === 0) return prose(replyTokens);
	const seen = describeImagesSeen(imageCount);
	const rest = prose(Math.max(0, replyTokens - countTokens(` ${seen}`)));
	return rest === '' ? seen : `${seen} ${rest}`;
}
