import { generateReply } from '../../text/generateReply.js';
import type { SloppyInjector } from '../SloppyInjector.js';

// Each family's end-of-turn token, and how its next user turn opens, as the chat templates write them.
const families: readonly { readonly token: string; readonly nextTurn: readonly string[] }[] = [
	{ token: '<|im_end|>', nextTurn: ['\n<|im_start|>user\n'] },
	{ token: '<|eot_id|>', nextTurn: ['<|start_header_id|>user<|end_header_id|>\n\n'] },
	{ token: '</s>', nextTurn: ['<s>[INST] ', '\nHuman: '] },
	{ token: ' [/INST]', nextTurn: ['\n[INST] '] },
	{ token: '<end_of_turn>', nextTurn: ['\n<start_of_turn>user\n'] },
	{ token: '<|end|>', nextTurn: ['\n<|user|>\n'] },
	{ token: '<｜end▁of▁sentence｜>', nextTurn: ['<｜User｜>'] },
	{ token: '\n\n### Response:', nextTurn: ['\n\n### Instruction:\n'] },
];

/** Template or role tokens after the intact reply, sometimes followed by a made-up next user turn. */
export const templateTokens: SloppyInjector = (reply, { otherNames }, random) => {
	const family = random.pick(families);
	const turn =
		random.next() < 0.5 ? `${random.pick(family.nextTurn)}${otherNames[0] ?? 'User'}: ${generateReply({ seed: random.int(2 ** 31), tokens: 12 })}` : '';
	const fragment = family.token.trim();
	return { text: reply + family.token + turn, fragment, fragmentAt: reply.length + family.token.indexOf(fragment) };
};
