// Builds a simple form for a registered slash command's options and reads it back.

const optionTypes = { subcommand: 1, group: 2, string: 3, integer: 4, boolean: 5, user: 6, channel: 7, role: 8, mentionable: 9, number: 10 };

function field(labelText, input) {
	const label = document.createElement('label');
	label.textContent = labelText;
	label.append(input);
	return label;
}

function select(entries, allowEmpty) {
	const node = document.createElement('select');
	if (allowEmpty) node.append(new Option('—', ''));
	for (const [value, text] of entries) node.append(new Option(text, value));
	return node;
}

/** The subcommand paths of a command: [{ group, sub, options }]. */
function paths(command) {
	const subs = command.options.filter((option) => option.type === optionTypes.subcommand || option.type === optionTypes.group);
	if (subs.length === 0) return [{ group: undefined, sub: undefined, options: command.options }];
	return subs.flatMap((option) =>
		option.type === optionTypes.group
			? (option.options ?? []).map((sub) => ({ group: option.name, sub: sub.name, options: sub.options ?? [] }))
			: [{ group: undefined, sub: option.name, options: option.options ?? [] }],
	);
}

function inputFor(option, lookup) {
	if (option.choices?.length)
		return select(
			option.choices.map((choice) => [String(choice.value), choice.name]),
			!option.required,
		);
	switch (option.type) {
		case optionTypes.boolean:
			return select(
				[
					['true', 'true'],
					['false', 'false'],
				],
				!option.required,
			);
		case optionTypes.user:
		case optionTypes.mentionable:
			return select(
				lookup.members().map((member) => [member.user.id, member.user.globalName ?? member.user.username]),
				!option.required,
			);
		case optionTypes.channel:
			return select(
				lookup.channels().map((channel) => [channel.id, `#${channel.name}`]),
				!option.required,
			);
		case optionTypes.role:
			return select(
				lookup.roles().map((role) => [role.id, role.name]),
				!option.required,
			);
		default: {
			const input = document.createElement('input');
			input.type = option.type === optionTypes.integer || option.type === optionTypes.number ? 'number' : 'text';
			if (option.type === optionTypes.number) input.step = 'any';
			return input;
		}
	}
}

/** Fills `container` with inputs for `command`; returns a reader giving { subcommandGroup, subcommand, options }. */
export function renderCommandForm(container, command, lookup) {
	container.replaceChildren();
	if (!command) return () => null;
	const description = document.createElement('p');
	description.textContent = command.description;
	container.append(description);
	const choices = paths(command);
	const pathSelect = select(
		choices.map((path, index) => [String(index), [path.group, path.sub].filter(Boolean).join(' ') || command.name]),
		false,
	);
	if (choices.length > 1 || choices[0].sub) container.append(field('Subcommand', pathSelect));
	const optionsBox = document.createElement('div');
	container.append(optionsBox);
	let inputs = [];
	const showPath = () => {
		const path = choices[Number(pathSelect.value)] ?? choices[0];
		optionsBox.replaceChildren();
		inputs = path.options.map((option) => {
			const input = inputFor(option, lookup);
			input.name = option.name;
			optionsBox.append(field(`${option.name}${option.required ? ' *' : ''} - ${option.description ?? ''}`, input));
			return { option, input };
		});
	};
	pathSelect.addEventListener('change', showPath);
	showPath();
	return () => {
		const path = choices[Number(pathSelect.value)] ?? choices[0];
		const options = {};
		for (const { option, input } of inputs) {
			if (input.value === '') continue;
			options[option.name] =
				option.type === optionTypes.integer || option.type === optionTypes.number
					? Number(input.value)
					: option.type === optionTypes.boolean
						? input.value === 'true'
						: input.value;
		}
		return { subcommandGroup: path.group, subcommand: path.sub, options };
	};
}
