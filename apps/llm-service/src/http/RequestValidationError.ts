import type { FieldIssue } from './FieldIssue.js';

/** A request the service refuses before any work: 400 (or 413 for a body over the limit) with every issue. */
export class RequestValidationError extends Error {
	public constructor(
		public readonly issues: readonly FieldIssue[],
		public readonly statusCode = 400,
	) {
		super(issues.map(describeIssue).join('; '));
		this.name = 'RequestValidationError';
	}
}

/** `model is required`, `settings.top_p: Too big: expected number to be <=1`: a sentence when the message reads as one. */
function describeIssue(issue: FieldIssue): string {
	return /^(is|must|give) /.test(issue.message) ? `${issue.field} ${issue.message}` : `${issue.field}: ${issue.message}`;
}
