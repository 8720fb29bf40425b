// Renders a message embed as Discord does: colour bar, author, title, description, fields, image and footer.
import { generatedAvatarUrl, localImageUrl } from './avatarUrl.js';
import { roleColor } from './memberRoles.js';
import { renderMarkdown } from './renderMarkdown.js';

function element(tag, className, text) {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

const text = (value) => (typeof value === 'string' && value.length > 0 ? value : null);

function image(url, className, fallbackName) {
	const local = localImageUrl(url) ?? (fallbackName ? generatedAvatarUrl(fallbackName) : null);
	if (!local) return null;
	const img = element('img', className);
	img.alt = '';
	img.src = local;
	return img;
}

/** The element of one embed; markdown in its description and field values is rendered, never injected. */
export function renderEmbed(embed, lookup) {
	const box = element('div', 'embed');
	const color = typeof embed.color === 'number' ? roleColor(embed.color) : null;
	if (color) box.style.borderLeftColor = color;
	const author = embed.author && typeof embed.author === 'object' ? embed.author : null;
	if (author && text(author.name)) {
		const line = element('div', 'embed-author');
		const icon = image(author.icon_url, 'embed-author-icon', author.name);
		if (icon) line.append(icon);
		line.append(element('span', '', author.name));
		box.append(line);
	}
	if (text(embed.title)) box.append(element('div', 'embed-title', embed.title));
	if (text(embed.description)) {
		const description = element('div', 'embed-description');
		description.append(renderMarkdown(embed.description, lookup));
		box.append(description);
	}
	const fields = Array.isArray(embed.fields) ? embed.fields : [];
	if (fields.length > 0) {
		const grid = element('div', 'embed-fields');
		for (const field of fields) {
			const cell = element('div', field.inline ? 'embed-field inline' : 'embed-field');
			cell.append(element('div', 'embed-field-name', String(field.name ?? '')));
			const value = element('div', 'embed-field-value');
			value.append(renderMarkdown(String(field.value ?? ''), lookup));
			cell.append(value);
			grid.append(cell);
		}
		box.append(grid);
	}
	const picture = image(embed.image?.url, 'embed-image');
	if (picture) box.append(picture);
	const footer = embed.footer && typeof embed.footer === 'object' ? text(embed.footer.text) : null;
	if (footer || text(embed.timestamp)) {
		const parts = [footer, text(embed.timestamp) && new Date(embed.timestamp).toLocaleString()].filter(Boolean);
		box.append(element('div', 'embed-footer', parts.join(' • ')));
	}
	return box;
}
