// Typing "@" in the message box opens a list of members, mentionable roles and the bot; choosing one writes the
// real mention syntax (<@id>, <@&id>) that Discord's client sends.

const maxShown = 10;
const queryBeforeCaret = /(?:^|[\s([{])@([^\s@<>]{0,32})$/;

function matches(candidate, query) {
	if (!query) return true;
	const wanted = query.toLowerCase();
	// Discord matches the start of a name or of any word in it, not any substring.
	return (
		candidate.keys.some((key) => key.toLowerCase().startsWith(wanted)) ||
		candidate.label
			.toLowerCase()
			.split(/[\s_.-]+/)
			.some((word) => word.startsWith(wanted))
	);
}

/**
 * Attaches the picker to `input` (a textarea) showing choices in `list` (an empty list element). `candidates()`
 * returns `{ id, kind: 'user' | 'role' | 'everyone', label, detail, keys, color, syntax }[]`. Register this before the
 * box's own Enter handler: while the list is open, Enter, Tab, arrows and Escape belong to it.
 */
export function attachMentionPicker(input, list, candidates) {
	const state = { open: false, options: [], active: 0, start: 0 };
	list.setAttribute('role', 'listbox');
	list.hidden = true;
	input.setAttribute('aria-autocomplete', 'list');
	input.setAttribute('aria-controls', list.id);
	input.setAttribute('aria-expanded', 'false');

	function close() {
		state.open = false;
		list.hidden = true;
		list.replaceChildren();
		input.setAttribute('aria-expanded', 'false');
		input.removeAttribute('aria-activedescendant');
	}

	function highlight(index) {
		state.active = (index + state.options.length) % state.options.length;
		for (const [position, item] of [...list.children].entries()) {
			const selected = position === state.active;
			item.setAttribute('aria-selected', String(selected));
			item.classList.toggle('active', selected);
			if (selected) {
				input.setAttribute('aria-activedescendant', item.id);
				item.scrollIntoView?.({ block: 'nearest' });
			}
		}
	}

	function choose(index) {
		const option = state.options[index];
		if (!option) return close();
		const caret = input.selectionStart;
		const before = input.value.slice(0, state.start);
		const after = input.value.slice(caret);
		const inserted = `${option.syntax} `;
		input.value = `${before}${inserted}${after.startsWith(' ') ? after.slice(1) : after}`;
		const position = before.length + inserted.length;
		input.setSelectionRange(position, position);
		close();
		input.focus();
		input.dispatchEvent(new Event('input', { bubbles: true }));
	}

	function update() {
		const caret = input.selectionStart;
		if (caret !== input.selectionEnd) return close();
		const match = queryBeforeCaret.exec(input.value.slice(0, caret));
		if (!match) return close();
		const query = match[1];
		state.start = caret - query.length - 1;
		state.options = candidates()
			.filter((candidate) => matches(candidate, query))
			.slice(0, maxShown);
		if (state.options.length === 0) return close();
		list.replaceChildren(
			...state.options.map((option, index) => {
				const item = document.createElement('li');
				item.id = `${list.id}-option-${index}`;
				item.setAttribute('role', 'option');
				item.dataset.kind = option.kind;
				item.dataset.mentionId = option.id ?? option.kind;
				const name = document.createElement('span');
				name.className = 'picker-name';
				name.textContent = option.kind === 'role' ? `@${option.label}` : option.label;
				if (option.color) name.style.color = option.color;
				const detail = document.createElement('span');
				detail.className = 'picker-detail';
				detail.textContent = option.detail;
				item.append(name, detail);
				// mousedown, not click: a click would blur the box first and the caret position would be lost.
				item.addEventListener('mousedown', (event) => {
					event.preventDefault();
					choose(index);
				});
				item.addEventListener('mousemove', () => state.active !== index && highlight(index));
				return item;
			}),
		);
		state.open = true;
		list.hidden = false;
		input.setAttribute('aria-expanded', 'true');
		highlight(0);
	}

	input.addEventListener('input', update);
	input.addEventListener('click', update);
	input.addEventListener('blur', () => setTimeout(close, 100));
	input.addEventListener('keydown', (event) => {
		if (!state.open) return;
		const keys = {
			ArrowDown: () => highlight(state.active + 1),
			ArrowUp: () => highlight(state.active - 1),
			Enter: () => choose(state.active),
			Tab: () => choose(state.active),
			Escape: close,
		};
		const action = keys[event.key];
		if (!action || event.shiftKey || event.isComposing) return;
		event.preventDefault();
		event.stopImmediatePropagation();
		action();
	});
	return { close, isOpen: () => state.open };
}
