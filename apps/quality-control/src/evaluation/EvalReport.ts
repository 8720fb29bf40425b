/** Counts of a binary judgement where "fail" is the positive class. */
export interface FailMetrics {
	/** Fails caught, passes failed, fails missed, passes passed. */
	readonly truePositives: number;
	readonly falsePositives: number;
	readonly falseNegatives: number;
	readonly trueNegatives: number;
	/** Of the replies judged `fail`, the share that deserved it (1 when none was judged `fail`). */
	readonly precision: number;
	/** Of the replies that deserve `fail`, the share judged so (1 when none does). */
	readonly recall: number;
	readonly f1: number;
}

/** How one category of the corpus fared. */
export interface CategoryResult {
	readonly category: string;
	readonly label: 'pass' | 'fail';
	readonly count: number;
	/** Judged as labeled: caught for a fail category, passed for a pass category. */
	readonly correct: number;
}

/** How often one scorer fired, and how often rightly. */
export interface ScorerResult {
	readonly kind: string;
	/** Replies it found something in. */
	readonly fired: number;
	/** Of those, replies labeled `fail`. */
	readonly onFails: number;
}

/** A line the rules judged against its label. */
export interface Misjudged {
	readonly id: string;
	readonly line: number;
	readonly character: string;
	readonly category: string;
	readonly label: 'pass' | 'fail';
	readonly score: number;
	readonly reasons: readonly string[];
	readonly reply: string;
}

/** What repair did for the fails it was tried on. */
export interface RepairResult {
	/** Labeled fails the rules caught whose failure repair removed, leaving a reply that passes. */
	readonly repaired: number;
	/** The repaired replies, for a person to read. */
	readonly examples: readonly { readonly id: string; readonly before: string; readonly after: string }[];
}

/** The outcome of evaluating the rule-based scorers on a labeled corpus. */
export interface EvalReport {
	readonly lines: number;
	readonly overall: FailMetrics;
	readonly byCategory: readonly CategoryResult[];
	readonly byScorer: readonly ScorerResult[];
	readonly misjudged: readonly Misjudged[];
	readonly repair: RepairResult;
	/** Mean scoring time per reply, in milliseconds. */
	readonly msPerReply: number;
}
