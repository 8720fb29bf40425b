// Files waiting to be sent with the next message: chosen with the + button, pasted or dropped, shown as chips.

/** Discord's upload limit per file without boosts. */
export const maxFileBytes = 10 * 1024 * 1024;
const maxFiles = 10;

function readAsDataUrl(file) {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.addEventListener('load', () => resolve(String(reader.result)));
		reader.addEventListener('error', () => reject(reader.error ?? new Error(`could not read ${file.name}`)));
		reader.readAsDataURL(file);
	});
}

/** A tray shown in `container`; `report(text)` tells the member why a file was refused. */
export function createAttachmentTray(container, report) {
	const pending = [];

	function show() {
		container.hidden = pending.length === 0;
		container.replaceChildren(
			...pending.map((entry, index) => {
				const chip = document.createElement('div');
				chip.className = 'attachment-chip';
				chip.dataset.filename = entry.file.name;
				if (entry.file.type.startsWith('image/')) {
					const preview = document.createElement('img');
					preview.alt = '';
					preview.src = entry.dataUrl;
					chip.append(preview);
				}
				const name = document.createElement('span');
				name.textContent = entry.file.name;
				const remove = document.createElement('button');
				remove.type = 'button';
				remove.className = 'remove-attachment';
				remove.textContent = '✕';
				remove.setAttribute('aria-label', `Remove ${entry.file.name}`);
				remove.addEventListener('click', () => {
					pending.splice(index, 1);
					show();
				});
				chip.append(name, remove);
				return chip;
			}),
		);
	}

	return {
		/** Adds files (a FileList or array), refusing ones over Discord's limits. */
		async add(files) {
			for (const file of files) {
				if (pending.length >= maxFiles) return report(`Discord allows ${maxFiles} files per message.`);
				if (file.size > maxFileBytes) {
					report(`${file.name} is ${(file.size / 1048576).toFixed(1)} MB; Discord's upload limit is 10 MB.`);
					continue;
				}
				pending.push({ file, dataUrl: await readAsDataUrl(file) });
			}
			show();
		},
		/** How many files wait. */
		count: () => pending.length,
		/** The files as the control API takes them: `{ filename, contentType, data }` with data in base64. */
		files: () =>
			pending.map(({ file, dataUrl }) => ({
				filename: file.name,
				...(file.type ? { contentType: file.type } : {}),
				data: dataUrl.slice(dataUrl.indexOf(',') + 1),
			})),
		/** Empties the tray (after the message is sent). */
		clear() {
			pending.splice(0);
			show();
		},
	};
}
