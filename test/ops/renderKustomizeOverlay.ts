import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFromRoot } from '@charbot/core';
import { parseAllDocuments } from 'yaml';

/** A rendered Kubernetes object; the checks read the fields they need. */
export interface KubernetesObject {
	readonly apiVersion: string;
	readonly kind: string;
	readonly metadata: { readonly name: string; readonly labels?: Record<string, string>; readonly annotations?: Record<string, string> };
	readonly [field: string]: unknown;
}

/** Where the kustomize base and overlays live. */
export const KubernetesManifestsDir = 'deploy/kubernetes';

/** The overlays under deploy/kubernetes/overlays, by folder name. */
export function kustomizeOverlays(): string[] {
	return readdirSync(resolveFromRoot(`${KubernetesManifestsDir}/overlays`), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
}

/**
 * Renders an overlay with `kubectl kustomize`, as `kubectl apply -k` would, from a copy of deploy/kubernetes in which
 * the overlay's untracked `secrets.env` is its committed `secrets.env.example`: the Secret the overlay generates then
 * holds exactly the keys the example documents.
 */
export function renderKustomizeOverlay(overlay: string): KubernetesObject[] {
	const copy = mkdtempSync(join(tmpdir(), 'charbot-kustomize-'));
	try {
		cpSync(resolveFromRoot(KubernetesManifestsDir), copy, { recursive: true });
		const overlayDir = join(copy, 'overlays', overlay);
		rmSync(join(overlayDir, 'secrets.env'), { force: true });
		if (existsSync(join(overlayDir, 'secrets.env.example'))) cpSync(join(overlayDir, 'secrets.env.example'), join(overlayDir, 'secrets.env'));
		const result = spawnSync('kubectl', ['kustomize', overlayDir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
		if (result.error !== undefined) {
			throw new Error(`kubectl kustomize could not run (${result.error.message}): install kubectl, e.g. Debian's kubernetes-client (.ci/run does)`);
		}
		if (result.status !== 0) throw new Error(`kubectl kustomize ${overlay} failed:\n${result.stderr}`);
		return parseAllDocuments(result.stdout).map((document) => {
			if (document.errors.length > 0) throw new Error(`${overlay}: unreadable YAML from kubectl kustomize: ${document.errors[0]?.message}`);
			return joinFoldedBase64(document.toJS() as KubernetesObject);
		});
	} finally {
		rmSync(copy, { recursive: true, force: true });
	}
}

// kustomize v5 folds a long base64 value of a Secret over several lines; the API server's decoder skips the line
// breaks (Go's base64 does), the schema's `byte` format does not: joined, as the server reads them.
function joinFoldedBase64(object: KubernetesObject): KubernetesObject {
	if (object.kind !== 'Secret' || typeof object.data !== 'object' || object.data === null) return object;
	const data = Object.fromEntries(Object.entries(object.data as Record<string, string>).map(([key, value]) => [key, value.replace(/\s+/g, '')]));
	return { ...object, data };
}
