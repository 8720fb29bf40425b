// Renders one transcript message as Discord would show it. Text only ever goes through textContent.

const mentionPattern = /<@!?(\d{17,20})>|<@&(\d{17,20})>|<#(\d{17,20})>|@everyone|@here/g;

function element(tag, className, text) {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** A safe avatar URL: the given http(s) or data:image URL, else the emulator's generated one. */
export function avatarUrl(author) {
	const given = author.avatarUrl;
	if (typeof given === 'string' && /^(https?:|data:image\/)/.test(given)) return given;
	return `/_emu/avatars/${author.id}.svg?name=${encodeURIComponent(author.displayName)}`;
}

/** Appends text with mentions shown as @name pills. */
export function appendContent(target, text, lookup) {
	let last = 0;
	for (const match of text.matchAll(mentionPattern)) {
		if (match.index > last) target.append(document.createTextNode(text.slice(last, match.index)));
		let label = match[0];
		if (match[1]) label = `@${lookup.userName(match[1])}`;
		else if (match[2]) label = `@${lookup.roleName(match[2])}`;
		else if (match[3]) label = `#${lookup.channelName(match[3])}`;
		target.append(element('span', 'mention', label));
		last = match.index + match[0].length;
	}
	if (last < text.length) target.append(document.createTextNode(text.slice(last)));
}

/** The list item for one message. */
export function renderMessage(message, lookup) {
	const item = element('li', 'message');
	item.dataset.messageId = message.id;
	item.dataset.author = message.author.displayName;
	if (message.replyTo) {
		const replied = lookup.messageById(message.replyTo);
		const reply = element(
			'div',
			'reply-to',
			`↪ replying to ${replied ? `${replied.author.displayName}: ${replied.content.slice(0, 80)}` : 'a deleted message'}`,
		);
		item.append(reply);
	}
	const avatar = element('img', 'avatar');
	avatar.alt = '';
	avatar.src = avatarUrl(message.author);
	avatar.addEventListener(
		'error',
		() => {
			avatar.src = `/_emu/avatars/${message.author.id}.svg?name=${encodeURIComponent(message.author.displayName)}`;
		},
		{ once: true },
	);
	item.append(avatar);

	const meta = element('div', 'meta');
	meta.append(element('span', 'author-name', message.author.displayName));
	if (message.author.kind === 'webhook' || message.interaction) meta.append(element('span', 'tag', 'APP'));
	else if (message.author.bot) meta.append(element('span', 'tag', 'BOT'));
	meta.append(element('span', 'time', new Date(message.timestamp).toLocaleTimeString()));
	if (message.editedTimestamp) meta.append(element('span', 'edited', '(edited)'));
	if (message.interaction) meta.append(element('span', 'time', `used /${message.interaction.commandName}`));
	item.append(meta);

	const content = element('div', 'content');
	if (message.loading) content.append(element('span', 'loading', `${message.author.displayName} is thinking…`));
	else appendContent(content, message.content, lookup);
	item.append(content);
	for (const embed of message.embeds) {
		const box = element('div', 'embed');
		if (typeof embed.title === 'string') box.append(element('strong', '', embed.title), document.createElement('br'));
		if (typeof embed.description === 'string') appendContent(box, embed.description, lookup);
		content.append(box);
	}
	for (const attachment of message.attachments) content.append(element('div', 'time', `📎 ${attachment.filename} (${attachment.size} bytes)`));
	if (message.ephemeral) item.append(element('div', 'ephemeral-note', 'Only the person who ran the command can see this.'));
	return item;
}
