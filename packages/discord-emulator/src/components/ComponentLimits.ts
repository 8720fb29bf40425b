/** Discord's limits for message components (action rows with buttons and select menus). */
export const ComponentLimits = {
	rows: 5,
	/** A row holds five buttons, or one select menu (which is five wide). */
	rowWidth: 5,
	customId: 100,
	buttonLabel: 80,
	buttonUrl: 512,
	selectOptions: 25,
	selectPlaceholder: 150,
	selectOptionText: 100,
	selectValues: 25,
	emojiName: 32,
} as const;

/** Component types of a message (V1 layout). */
export const ComponentType = {
	ActionRow: 1,
	Button: 2,
	StringSelect: 3,
	TextInput: 4,
	UserSelect: 5,
	RoleSelect: 6,
	MentionableSelect: 7,
	ChannelSelect: 8,
} as const;

/** The select menu component types. */
export const SelectMenuTypes: readonly number[] = [3, 5, 6, 7, 8];

/** Button styles; 5 is a link, 6 a premium (SKU) button. */
export const ButtonStyle = { Primary: 1, Secondary: 2, Success: 3, Danger: 4, Link: 5, Premium: 6 } as const;
