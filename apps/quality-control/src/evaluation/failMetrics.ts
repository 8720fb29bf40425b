import type { FailMetrics } from './EvalReport.js';

/** Precision, recall and F1 of `fail` from the four counts. */
export function failMetrics(truePositives: number, falsePositives: number, falseNegatives: number, trueNegatives: number): FailMetrics {
	const flagged = truePositives + falsePositives;
	const deserved = truePositives + falseNegatives;
	const precision = flagged === 0 ? 1 : truePositives / flagged;
	const recall = deserved === 0 ? 1 : truePositives / deserved;
	const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	return { truePositives, falsePositives, falseNegatives, trueNegatives, precision, recall, f1 };
}
