import { generateReply } from '../../text/generateReply.js';
import { leadingFragment } from '../leadingFragment.js';
import type { SloppyInjector } from '../SloppyInjector.js';

/** The reply, then lines for other speakers (and the character again): "\nLois: ...\nPeter: ...". */
export const script: SloppyInjector = (reply, { shortName, named, otherNames }, random) => {
	const others = otherNames.length > 0 ? otherNames.slice(0, 2) : ['User'];
	const own = named ? shortName : 'Character';
	const speakers = Array.from({ length: random.between(2, 4) }, (_, index) => (index % 2 === 0 ? (others[(index / 2) % others.length] ?? 'User') : own));
	const lines = speakers.map((speaker) => `${speaker}: ${generateReply({ seed: random.int(2 ** 31), tokens: random.between(8, 20) })}`);
	const added = `\n${lines.join('\n')}`;
	return { text: reply + added, fragment: leadingFragment(lines[0] ?? ''), fragmentAt: reply.length + 1 };
};
