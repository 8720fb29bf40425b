/** The `custom_id` of the button on a character's reply that asks for another answer; the message it is on says which reply. */
export const RegenerateButtonId = 'charbot:regen';
