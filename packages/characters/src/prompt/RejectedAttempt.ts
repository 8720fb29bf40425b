/** An earlier reply to the same message that quality control rejected. */
export interface RejectedAttempt {
	/** What it read. */
	readonly text: string;
	/** Which model role wrote it (`chat`, `escalation`). */
	readonly role: string;
	/** Why it was rejected: scorer findings and judge notes, which may quote the reply. */
	readonly reasons: readonly string[];
}

/** What a regeneration tells the model: the attempts rejected so far, and whether this is the last one. */
export interface PromptRegeneration {
	readonly attempts: readonly RejectedAttempt[];
	/** The escalation model makes the last attempt. */
	readonly escalating: boolean;
}
