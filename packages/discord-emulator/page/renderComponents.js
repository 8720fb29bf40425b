// A message's action rows as Discord draws them: styled buttons (links open, others click as the viewer) and select menus.
import { actAsViewer, viewerId } from './actAsViewer.js';

const styleNames = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'premium' };

function use(message, customId, values) {
	const path = `/channels/${message.channelId}/messages/${message.id}/components`;
	return actAsViewer(path, 'POST', { userId: viewerId(), customId, ...(values ? { values } : {}) });
}

function emojiText(emoji) {
	if (!emoji) return '';
	return emoji.id ? `:${emoji.name}:` : emoji.name;
}

function renderButton(message, button) {
	const isLink = button.style === 5;
	// Link targets come from the bot; only web links are followed.
	const node = document.createElement(isLink && /^https?:/.test(button.url ?? '') ? 'a' : 'button');
	node.className = `component-button ${styleNames[button.style] ?? 'secondary'}`;
	if (button.emoji) {
		const emoji = document.createElement('span');
		emoji.className = 'component-emoji';
		emoji.textContent = emojiText(button.emoji);
		node.append(emoji);
	}
	if (button.label) node.append(document.createTextNode(button.label));
	if (isLink) {
		node.append(document.createTextNode(' ↗'));
		if (node.tagName === 'A') {
			node.href = button.url;
			node.target = '_blank';
			node.rel = 'noopener noreferrer';
		}
		return node;
	}
	node.type = 'button';
	node.dataset.customId = button.custom_id ?? '';
	if (button.disabled) node.disabled = true;
	node.addEventListener('click', async () => {
		node.disabled = true;
		await use(message, button.custom_id);
		// The bot's update redraws the message; until then the button can be used again.
		node.disabled = Boolean(button.disabled);
	});
	return node;
}

function selectChoices(menu, lookup) {
	switch (menu.type) {
		case 3:
			return (menu.options ?? []).map((option) => ({
				value: option.value,
				label: `${emojiText(option.emoji)} ${option.label}`.trim(),
				selected: option.default === true,
			}));
		case 5:
			return lookup.members().map((member) => ({ value: member.user.id, label: lookup.userName(member.user.id) }));
		case 6:
			return lookup.roles().map((role) => ({ value: role.id, label: `@${role.name}` }));
		case 7:
			return [
				...lookup.members().map((member) => ({ value: member.user.id, label: lookup.userName(member.user.id) })),
				...lookup.roles().map((role) => ({ value: role.id, label: `@${role.name}` })),
			];
		default:
			return lookup.channels().map((channel) => ({ value: channel.id, label: `#${channel.name}` }));
	}
}

function renderSelect(message, menu, lookup) {
	const box = document.createElement('div');
	box.className = 'component-select';
	const select = document.createElement('select');
	select.dataset.customId = menu.custom_id;
	select.setAttribute('aria-label', menu.placeholder ?? 'Make a selection');
	select.disabled = menu.disabled === true;
	const multiple = (menu.max_values ?? 1) > 1;
	select.multiple = multiple;
	if (!multiple) {
		const placeholder = new Option(menu.placeholder ?? 'Make a selection', '');
		placeholder.disabled = true;
		placeholder.selected = true;
		select.append(placeholder);
	}
	for (const choice of selectChoices(menu, lookup)) select.append(new Option(choice.label, choice.value, false, choice.selected === true));
	const send = () => use(message, menu.custom_id, [...select.selectedOptions].map((option) => option.value).filter(Boolean));
	box.append(select);
	if (multiple) {
		const done = document.createElement('button');
		done.type = 'button';
		done.className = 'component-button secondary';
		done.textContent = `Choose (${menu.min_values ?? 1}-${menu.max_values})`;
		done.disabled = select.disabled;
		done.addEventListener('click', send);
		box.append(done);
	} else select.addEventListener('change', send);
	return box;
}

/** The message's action rows, or null when it has none. */
export function renderComponents(message, lookup) {
	if (!message.components?.length) return null;
	const rows = document.createElement('div');
	rows.className = 'components';
	for (const row of message.components) {
		const line = document.createElement('div');
		line.className = 'component-row';
		for (const component of row.components ?? []) {
			if (component.type === 2) line.append(renderButton(message, component));
			else line.append(renderSelect(message, component, lookup));
		}
		rows.append(line);
	}
	return rows;
}
