// Renders one transcript message as Discord would show it. Text only ever goes through textContent.
import { avatarUrl } from './avatarUrl.js';
import { renderComponents } from './renderComponents.js';
import { renderEmbed } from './renderEmbed.js';
import { renderMarkdown } from './renderMarkdown.js';
import { renderReactions } from './renderReactions.js';

export { avatarUrl } from './avatarUrl.js';

// Simulated replies (no real model) end with this line; the page shows a badge instead of the line.
const simulatedMarker = /(?:^|\n)-# simulated[ \t]*$/;

function element(tag, className, text) {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** Appends Discord markdown with mentions shown as pills. */
export function appendContent(target, text, lookup) {
	target.append(renderMarkdown(text, lookup));
}

/** The content without a final `-# simulated` line, and whether it had one. */
export function splitSimulatedMarker(content) {
	const match = simulatedMarker.exec(content);
	return match ? { text: content.slice(0, match.index), simulated: true } : { text: content, simulated: false };
}

function authorName(author, look) {
	const name = element('span', 'author-name', author.displayName);
	if (look.color) name.style.color = look.color;
	return name;
}

/** Discord's reply preview: the replied-to author and the start of their message, clickable to jump there. */
function renderReplyPreview(message, lookup) {
	const replied = lookup.messageById(message.replyTo);
	const preview = element('div', 'reply-to');
	preview.dataset.replyTo = message.replyTo;
	if (!replied) {
		preview.append(element('span', 'reply-missing', 'Original message was deleted'));
		return preview;
	}
	const avatar = element('img', 'reply-avatar');
	avatar.alt = '';
	avatar.src = avatarUrl(replied.author);
	const name = authorName(replied.author, lookup.describeAuthor(replied.author));
	name.textContent = `@${replied.author.displayName}`;
	const snippet = element('span', 'reply-snippet');
	const firstLine =
		splitSimulatedMarker(replied.content)
			.text.split('\n')
			.find((line) => line.trim()) ?? '';
	// A preview is one plain line, as in Discord: heading, quote and list markers are dropped.
	const text = firstLine.replace(/^ *(?:#{1,3}|-#|>>>|>|[*-]|\d{1,9}\.) +/, '');
	if (text) snippet.append(renderMarkdown(text.slice(0, 200), lookup, { inline: true }));
	else snippet.append(element('em', '', replied.attachments.length ? 'Click to see attachment' : 'Click to see message'));
	preview.append(avatar, name, snippet);
	preview.setAttribute('role', 'link');
	preview.tabIndex = 0;
	return preview;
}

function renderAttachment(attachment) {
	const isImage = attachment.url && (attachment.contentType ?? '').startsWith('image/');
	if (isImage) {
		const link = element('a', 'attachment-image-link');
		link.href = attachment.url;
		link.target = '_blank';
		link.rel = 'noopener';
		const image = element('img', 'attachment-image');
		image.alt = attachment.filename;
		image.src = attachment.url;
		if (attachment.width && attachment.height) {
			const scale = Math.min(1, 400 / attachment.width, 300 / attachment.height);
			image.width = Math.round(attachment.width * scale);
			image.height = Math.round(attachment.height * scale);
		}
		link.append(image);
		return link;
	}
	const file = element(attachment.url ? 'a' : 'div', 'attachment-file');
	if (attachment.url) {
		file.href = attachment.url;
		file.download = attachment.filename;
	}
	file.append(element('span', 'attachment-name', `📎 ${attachment.filename}`), element('span', 'time', ` ${formatSize(attachment.size)}`));
	return file;
}

function formatSize(bytes) {
	return bytes < 1024 ? `${bytes} bytes` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(2)} MB`;
}

/** The list item for one message. */
export function renderMessage(message, lookup) {
	const item = element('li', 'message');
	item.dataset.messageId = message.id;
	item.dataset.author = message.author.displayName;
	item.dataset.authorId = message.author.id;
	// The page decides per viewer ("Write as") whether this pings them; see playground.js.
	item.dataset.pingedUsers = message.mentionsPinged.users.join(' ');
	item.dataset.pingedRoles = message.mentionsPinged.roles.join(' ');
	if (message.mentionsPinged.everyone) item.dataset.pingedEveryone = 'true';
	if (message.replyTo) item.append(renderReplyPreview(message, lookup));
	else if (message.interaction?.commandName) {
		const used = element('div', 'interaction-header');
		used.append(element('span', 'interaction-user', lookup.userName(message.interaction.userId)), ` used /${message.interaction.commandName}`);
		item.append(used);
	}
	const avatar = element('img', 'avatar');
	avatar.alt = '';
	avatar.src = avatarUrl(message.author);
	item.append(avatar);

	const { text, simulated } = splitSimulatedMarker(message.content);
	const look = lookup.describeAuthor(message.author);
	const meta = element('div', 'meta');
	meta.append(authorName(message.author, look));
	for (const badge of look.badges) {
		const tag = element('span', `role-badge ${badge === 'Owner' ? 'owner' : ''}`.trim(), badge === 'Owner' ? '👑' : badge);
		tag.title = badge === 'Owner' ? 'Server Owner' : `${badge} permission`;
		meta.append(tag);
	}
	if (message.author.kind === 'webhook' || message.interaction) meta.append(element('span', 'tag', 'APP'));
	else if (message.author.bot) meta.append(element('span', 'tag', 'BOT'));
	if (simulated) {
		const badge = element('span', 'tag simulated', 'SIMULATED');
		badge.title = 'Written by the Ollama simulator: no real model is running';
		meta.append(badge);
	}
	const time = element('time', 'time', new Date(message.timestamp).toLocaleTimeString());
	time.dateTime = message.timestamp;
	time.title = new Date(message.timestamp).toLocaleString();
	meta.append(time);
	if (message.editedTimestamp) meta.append(element('span', 'edited', '(edited)'));
	item.append(meta);

	const content = element('div', 'content');
	if (message.loading) content.append(element('span', 'loading', `${message.author.displayName} is thinking…`));
	else {
		const body = element('div', 'markdown');
		appendContent(body, text, lookup);
		content.append(body);
	}
	item.append(content);
	for (const embed of message.embeds) content.append(renderEmbed(embed, lookup));
	if (message.attachments.length > 0) {
		const files = element('div', 'attachments');
		files.append(...message.attachments.map(renderAttachment));
		content.append(files);
	}
	const components = renderComponents(message, lookup);
	if (components) content.append(components);
	const reactions = renderReactions(message);
	if (reactions) content.append(reactions);
	if (message.ephemeral) {
		item.classList.add('ephemeral');
		item.dataset.visibleTo = message.interaction?.userId ?? '';
		const note = element('div', 'ephemeral-note');
		const dismiss = element('button', 'link-button', 'Dismiss message');
		dismiss.type = 'button';
		dismiss.dataset.action = 'dismiss';
		note.append(element('span', 'eye', '👁'), ' Only you can see this • ', dismiss);
		item.append(note);
	}
	if (!message.loading && !message.ephemeral) {
		const actions = element('div', 'message-actions');
		const reply = element('button', 'action', '↩ Reply');
		reply.type = 'button';
		reply.dataset.action = 'reply';
		reply.setAttribute('aria-label', `Reply to ${message.author.displayName}`);
		actions.append(reply);
		item.append(actions);
	}
	return item;
}
