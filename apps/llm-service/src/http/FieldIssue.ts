/** One thing wrong with a request, naming the field at fault (`settings.temperature`, `(body)`). */
export interface FieldIssue {
	readonly field: string;
	readonly message: string;
}
