// Turns Discord markdown into elements as Discord's client shows it. Member text only ever becomes text nodes,
// and links only http(s) anchors, so a hostile message cannot inject markup.
import { parseMarkdown } from './parseMarkdown.js';

const tags = { strong: 'strong', em: 'em', underline: 'u', strike: 's' };
const headingTags = ['h1', 'h2', 'h3'];

function element(tag, className, text) {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** A timestamp `<t:seconds:style>` as Discord formats it in the reader's locale; `R` is relative to `now` (ms). */
export function formatTimestamp(seconds, style, now = Date.now()) {
	const date = new Date(seconds * 1000);
	if (Number.isNaN(date.getTime())) return 'Invalid Date';
	const format = (options) => new Intl.DateTimeFormat(undefined, options).format(date);
	switch (style) {
		case 't':
			return format({ hour: 'numeric', minute: '2-digit' });
		case 'T':
			return format({ hour: 'numeric', minute: '2-digit', second: '2-digit' });
		case 'd':
			return format({ day: '2-digit', month: '2-digit', year: 'numeric' });
		case 'D':
			return format({ day: 'numeric', month: 'long', year: 'numeric' });
		case 'F':
			return format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });
		case 'R':
			return formatRelative(date.getTime() - now);
		default:
			return format({ day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });
	}
}

const units = [
	['year', 365 * 24 * 3600_000],
	['month', 30 * 24 * 3600_000],
	['day', 24 * 3600_000],
	['hour', 3600_000],
	['minute', 60_000],
	['second', 1000],
];

function formatRelative(deltaMs) {
	const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'always' });
	for (const [unit, size] of units) {
		if (Math.abs(deltaMs) >= size || unit === 'second') return relative.format(Math.round(deltaMs / size), unit);
	}
	return '';
}

function mention(node, lookup) {
	if (node.kind === 'everyone' || node.kind === 'here') return element('span', 'mention', `@${node.kind}`);
	if (node.kind === 'channel') {
		const pill = element('span', 'mention channel-mention', `#${lookup.channelName(node.id)}`);
		pill.dataset.channelId = node.id;
		pill.setAttribute('role', 'link');
		pill.tabIndex = 0;
		return pill;
	}
	if (node.kind === 'role') {
		const role = lookup.role?.(node.id);
		const pill = element('span', 'mention role-mention', `@${role?.name ?? lookup.roleName?.(node.id) ?? 'unknown-role'}`);
		pill.dataset.roleId = node.id;
		if (role?.color) pill.style.setProperty('--role-color', `#${role.color.toString(16).padStart(6, '0')}`);
		return pill;
	}
	const pill = element('span', 'mention user-mention', `@${lookup.userName(node.id)}`);
	pill.dataset.userId = node.id;
	return pill;
}

function link(node, lookup, options) {
	const anchor = element('a', 'link');
	// Only http(s) reaches here (the parser's patterns), but check again: an anchor is the one place a URL is live.
	const url = URL.canParse(node.url) ? new URL(node.url) : null;
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return element('span', '', node.url);
	anchor.href = url.href;
	anchor.target = '_blank';
	anchor.rel = 'noopener noreferrer nofollow';
	anchor.title = node.title ?? url.href;
	anchor.append(...renderNodes(node.children, lookup, options));
	return anchor;
}

function renderNode(node, lookup, options) {
	switch (node.type) {
		case 'text':
			return document.createTextNode(node.content);
		case 'br':
			return document.createElement('br');
		case 'strong':
		case 'em':
		case 'underline':
		case 'strike': {
			const wrapper = element(tags[node.type]);
			wrapper.append(...renderNodes(node.children, lookup, options));
			return wrapper;
		}
		case 'spoiler': {
			const spoiler = element('span', 'spoiler');
			spoiler.tabIndex = 0;
			spoiler.setAttribute('role', 'button');
			spoiler.setAttribute('aria-label', 'Spoiler, select to reveal');
			spoiler.append(...renderNodes(node.children, lookup, options));
			const reveal = () => spoiler.classList.add('revealed');
			spoiler.addEventListener('click', reveal);
			spoiler.addEventListener('keydown', (event) => (event.key === 'Enter' || event.key === ' ') && reveal());
			return spoiler;
		}
		case 'inlineCode':
			return element('code', 'inline-code', node.content);
		case 'codeBlock': {
			const pre = element('pre', 'code-block');
			const code = element('code', '', node.content);
			if (node.lang) code.dataset.lang = node.lang;
			pre.append(code);
			return pre;
		}
		case 'blockQuote': {
			const quote = element('blockquote', 'quote');
			quote.append(...renderNodes(node.children, lookup, options));
			return quote;
		}
		case 'heading': {
			const heading = element(headingTags[node.level - 1] ?? 'h3', 'md-heading');
			heading.append(...renderNodes(node.children, lookup, options));
			return heading;
		}
		case 'subtext': {
			const small = element('small', 'subtext');
			small.append(...renderNodes(node.children, lookup, options));
			return small;
		}
		case 'list': {
			const list = element(node.ordered ? 'ol' : 'ul', 'md-list');
			if (node.ordered && node.start !== 1) list.start = node.start;
			for (const item of node.items) {
				const entry = document.createElement('li');
				entry.append(...renderNodes(item, lookup, options));
				list.append(entry);
			}
			return list;
		}
		case 'link':
			return link(node, lookup, options);
		case 'mention':
			return mention(node, lookup);
		case 'emoji': {
			// Custom emoji live on Discord's CDN; the page fetches nothing from outside, so it shows the name.
			const emoji = element('span', 'custom-emoji', `:${node.name}:`);
			emoji.title = `:${node.name}: (custom emoji ${node.id})`;
			return emoji;
		}
		case 'timestamp': {
			const time = element('time', 'timestamp', formatTimestamp(node.seconds, node.style, options.now));
			const date = new Date(node.seconds * 1000);
			if (!Number.isNaN(date.getTime())) {
				time.dateTime = date.toISOString();
				time.title = formatTimestamp(node.seconds, 'F', options.now);
			}
			return time;
		}
		default:
			return document.createTextNode('');
	}
}

function renderNodes(nodes, lookup, options) {
	return nodes.map((node) => renderNode(node, lookup, options));
}

/**
 * Discord markdown as a fragment of elements. `lookup` names mentions: `userName(id)`, `role(id)` (name, color),
 * `channelName(id)`; `options.inline` skips headings, quotes and lists (reply previews); `options.now` fixes `R` times.
 */
export function renderMarkdown(text, lookup, options = {}) {
	const fragment = document.createDocumentFragment();
	fragment.append(...renderNodes(parseMarkdown(text, { inline: options.inline === true }), lookup, options));
	return fragment;
}
