import type { z } from 'zod';

/** Renders zod issues as `field.path: reason; ...`, so every error names the field at fault. */
export function formatZodIssues(error: z.ZodError): string {
	return error.issues.map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.')}: ${issue.message}`).join('; ');
}
