// A message's reactions as Discord shows them: emoji and count, highlighted when the viewer reacted; clicking toggles the viewer's reaction.
import { actAsViewer, viewerId } from './actAsViewer.js';

const quickEmoji = ['👍', '😂', '❤️', '🎉', '😮'];

function reactionLabel(emoji) {
	// Custom emoji images live on Discord's CDN, which the page may not load; show the name instead.
	return emoji.id ? `:${emoji.name}:` : emoji.name;
}

function emojiText(emoji) {
	return emoji.id ? `${emoji.animated ? 'a:' : ''}${emoji.name}:${emoji.id}` : emoji.name;
}

function toggle(message, emoji, reacted) {
	const path = `/channels/${message.channelId}/messages/${message.id}/reactions`;
	return actAsViewer(path, reacted ? 'DELETE' : 'POST', { userId: viewerId(), emoji });
}

/** The reaction bar under a message (with a small picker to add one); null for messages that cannot be reacted to. */
export function renderReactions(message) {
	if (message.loading || message.ephemeral) return null;
	const bar = document.createElement('div');
	bar.className = 'reactions';
	for (const reaction of message.reactions) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'reaction';
		button.dataset.emoji = emojiText(reaction.emoji);
		const mine = reaction.userIds.includes(viewerId());
		button.classList.toggle('mine', mine);
		button.setAttribute('aria-pressed', String(mine));
		button.title = `${reaction.count} reaction${reaction.count === 1 ? '' : 's'}`;
		const emoji = document.createElement('span');
		emoji.className = 'reaction-emoji';
		emoji.textContent = reactionLabel(reaction.emoji);
		const count = document.createElement('span');
		count.className = 'reaction-count';
		count.textContent = String(reaction.count);
		button.append(emoji, count);
		// Decided at click time: the viewer may have changed since this was drawn.
		button.addEventListener('click', () => toggle(message, emojiText(reaction.emoji), reaction.userIds.includes(viewerId())));
		bar.append(button);
	}
	const add = document.createElement('button');
	add.type = 'button';
	add.className = 'reaction add-reaction';
	add.textContent = '☺+';
	add.setAttribute('aria-label', 'Add reaction');
	add.setAttribute('aria-expanded', 'false');
	const picker = document.createElement('span');
	picker.className = 'reaction-picker';
	picker.hidden = true;
	for (const emoji of quickEmoji) {
		const choice = document.createElement('button');
		choice.type = 'button';
		choice.className = 'reaction-choice';
		choice.textContent = emoji;
		choice.setAttribute('aria-label', `React with ${emoji}`);
		choice.addEventListener('click', () => {
			picker.hidden = true;
			const existing = message.reactions.find((reaction) => !reaction.emoji.id && reaction.emoji.name === emoji);
			toggle(message, emoji, existing?.userIds.includes(viewerId()) ?? false);
		});
		picker.append(choice);
	}
	add.addEventListener('click', () => {
		picker.hidden = !picker.hidden;
		add.setAttribute('aria-expanded', String(!picker.hidden));
	});
	bar.append(add, picker);
	bar.classList.toggle('empty', message.reactions.length === 0);
	return bar;
}
