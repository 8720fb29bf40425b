// Parses message text the way Discord's client does (its simple-markdown rules) into a tree of plain objects.
// Nothing here touches the DOM: renderMarkdown.js turns the tree into elements, text only through textContent.

const maxDepth = 10;
const snowflake = '(\\d{17,20})';

/** A rule: a sticky regex tried at the current position, and how its match becomes a node. */
const rule = (source, toNode, when = () => true) => ({ pattern: new RegExp(source, 'y'), toNode, when });

const lineStart = (text, position, state) => !state.inline && (position === 0 || text[position - 1] === '\n');

const rules = [
	rule('```(?:([a-z0-9_+\\-.#]+?)\\n)?\\n*([^\\n][\\s\\S]*?)\\n*```', (match) => ({ type: 'codeBlock', lang: match[1] ?? null, content: match[2] })),
	rule(
		' *>>> ?([\\s\\S]*)|((?: *> [^\\n]*(?:\\n|$))+)',
		(match, state) => ({
			type: 'blockQuote',
			children: parse(match[1] ?? match[2].replace(/^ *> /gm, '').replace(/\n$/, ''), { ...state, inQuote: true }),
		}),
		(text, position, state) => lineStart(text, position, state) && !state.inQuote,
	),
	rule('(#{1,3}) +([^\\n]+?) *(?:\\n|$)', (match, state) => ({ type: 'heading', level: match[1].length, children: parseInline(match[2], state) }), lineStart),
	rule('-# +([^\\n]+?) *(?:\\n|$)', (match, state) => ({ type: 'subtext', children: parseInline(match[1], state) }), lineStart),
	rule('(?: *(?:[*-]|\\d{1,9}\\.) +[^\\n]*(?:\\n|$))+', (match, state) => parseList(match[0], state), lineStart),
	rule('\\\\([^0-9A-Za-z\\s])', (match) => ({ type: 'text', content: match[1] })),
	rule(
		'<(https?:\\/\\/[^\\s>]+)>',
		(match) => ({ type: 'link', url: match[1], children: [{ type: 'text', content: match[1] }] }),
		(_t, _p, state) => !state.inLink,
	),
	rule(
		'https?:\\/\\/[^\\s<]+[^<.,:;"\')\\]\\s]',
		(match) => ({ type: 'link', url: match[0], children: [{ type: 'text', content: match[0] }] }),
		(_t, _p, state) => !state.inLink,
	),
	rule(
		'\\[((?:\\[[^\\]\\n]*\\]|[^[\\]\\n])+)\\]\\(\\s*<?(https?:\\/\\/[^\\s<>()]+(?:\\([^\\s<>()]*\\)[^\\s<>()]*)*)>?(?:\\s+"([^"\\n]*)")?\\s*\\)',
		(match, state) =>
			// Discord refuses masked links whose text is itself a link (a phishing trick): show them as written.
			/https?:\/\//i.test(match[1])
				? { type: 'text', content: match[0] }
				: { type: 'link', url: match[2], title: match[3] ?? null, children: parseInline(match[1], { ...state, inLink: true }) },
		(_t, _p, state) => !state.inLink,
	),
	rule(`<(a?):(\\w{2,32}):${snowflake}>`, (match) => ({ type: 'emoji', animated: match[1] === 'a', name: match[2], id: match[3] })),
	rule('<t:(-?\\d{1,13})(?::([tTdDfFR]))?>', (match) => ({ type: 'timestamp', seconds: Number(match[1]), style: match[2] ?? 'f' })),
	rule(`<@!?${snowflake}>`, (match) => ({ type: 'mention', kind: 'user', id: match[1] })),
	rule(`<@&${snowflake}>`, (match) => ({ type: 'mention', kind: 'role', id: match[1] })),
	rule(`<#${snowflake}>`, (match) => ({ type: 'mention', kind: 'channel', id: match[1] })),
	rule('@(everyone|here)\\b', (match) => ({ type: 'mention', kind: match[1], id: null })),
	rule('(`+)([\\s\\S]*?[^`])\\1(?!`)', (match) => ({ type: 'inlineCode', content: match[2] })),
	rule('\\*\\*([\\s\\S]+?)\\*\\*(?!\\*)', (match, state) => ({ type: 'strong', children: parseInline(match[1], state) })),
	rule('__([\\s\\S]+?)__(?!_)', (match, state) => ({ type: 'underline', children: parseInline(match[1], state) })),
	rule('\\*(?=\\S)((?:\\*\\*|\\\\[\\s\\S]|\\s+(?:\\\\[\\s\\S]|[^\\s*\\\\]|\\*\\*)|[^\\s*\\\\])+?)\\*(?!\\*)', (match, state) => ({
		type: 'em',
		children: parseInline(match[1], state),
	})),
	rule('\\b_((?:__|\\\\[\\s\\S]|[^\\\\_])+?)_\\b', (match, state) => ({ type: 'em', children: parseInline(match[1], state) })),
	rule('~~([\\s\\S]+?)~~', (match, state) => ({ type: 'strike', children: parseInline(match[1], state) })),
	rule('\\|\\|([\\s\\S]+?)\\|\\|', (match, state) => ({ type: 'spoiler', children: parseInline(match[1], state) })),
	rule('\\n', () => ({ type: 'br' })),
	rule('[\\s\\S]+?(?=[^0-9A-Za-z\\s\\u00c0-\\uffff]|\\n|\\w+:\\S|$)', (match) => ({ type: 'text', content: match[0] })),
];

/** Parses inline content (no headings, quotes or lists), one level deeper. */
function parseInline(text, state) {
	return parse(text, { ...state, inline: true });
}

/** Builds a list node (nested by indentation) from consecutive list lines. */
function parseList(block, state) {
	const lines = block.replace(/\n$/, '').split('\n');
	const items = lines.map((line) => {
		const [, indent, marker, text] = /^( *)([*-]|\d{1,9}\.) +(.*)$/.exec(line);
		return { indent: indent.length, marker, text };
	});
	return buildList(items, 0, items.length, state);
}

function buildList(items, from, to, state) {
	const first = items[from];
	const ordered = first.marker.endsWith('.');
	const list = { type: 'list', ordered, start: ordered ? Number.parseInt(first.marker, 10) : null, items: [] };
	let index = from;
	while (index < to) {
		const item = items[index];
		let end = index + 1;
		// Deeper-indented lines that follow belong to this item as a nested list.
		while (end < to && items[end].indent > item.indent + 1) end++;
		const children = parseInline(item.text, state);
		if (end > index + 1 && state.depth < maxDepth) children.push(buildList(items, index + 1, end, { ...state, depth: state.depth + 1 }));
		list.items.push(children);
		index = end;
	}
	return list;
}

function parse(text, state) {
	if (state.depth > maxDepth) return [{ type: 'text', content: text }];
	const inner = { ...state, depth: state.depth + 1 };
	const nodes = [];
	let position = 0;
	while (position < text.length) {
		let matched = false;
		for (const { pattern, toNode, when } of rules) {
			if (!when(text, position, state)) continue;
			pattern.lastIndex = position;
			const match = pattern.exec(text);
			if (!match || match[0].length === 0) continue;
			const node = toNode(match, inner);
			const previous = nodes.at(-1);
			if (node.type === 'text' && previous?.type === 'text') previous.content += node.content;
			else nodes.push(node);
			position += match[0].length;
			matched = true;
			break;
		}
		// The text rule matches any non-empty rest, so this only guards against a rule bug looping forever.
		if (!matched) {
			nodes.push({ type: 'text', content: text.slice(position) });
			break;
		}
	}
	return nodes;
}

/** The tree of a message's markdown: text, br, strong, em, underline, strike, spoiler, inlineCode, codeBlock, blockQuote, heading, subtext, list, link, mention, emoji, timestamp. */
export function parseMarkdown(text, options = {}) {
	return parse(String(text), { depth: 0, inline: options.inline === true, inQuote: false, inLink: false });
}
