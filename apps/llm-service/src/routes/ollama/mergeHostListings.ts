import { z } from 'zod';

/** A model as `/api/tags` or `/api/ps` lists it; other fields pass through untouched. */
export const listedModelSchema = z.looseObject({ name: z.string(), modified_at: z.string().optional(), expires_at: z.string().optional() });

/** The body of `/api/tags` and `/api/ps`. */
export const modelListingSchema = z.object({ models: z.array(listedModelSchema) });

type ListedModel = z.output<typeof listedModelSchema>;

/**
 * Joins the model lists of several hosts: one entry per name, the most recently modified (or latest
 * expiring) copy, most recent first, as Ollama orders them.
 */
export function mergeHostListings(listings: readonly (readonly ListedModel[])[]): ListedModel[] {
	const byName = new Map<string, ListedModel>();
	const stamp = (model: ListedModel) => Date.parse(model.modified_at ?? model.expires_at ?? '') || 0;
	for (const model of listings.flat()) {
		const known = byName.get(model.name);
		if (known === undefined || stamp(model) > stamp(known)) byName.set(model.name, model);
	}
	return [...byName.values()].sort((a, b) => stamp(b) - stamp(a) || a.name.localeCompare(b.name));
}
