import * as keda from '@kubernetes-models/keda/keda.sh/v1alpha1';
import * as apps from 'kubernetes-models/apps/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import type { KubernetesObject } from './renderKustomizeOverlay.js';

/** A model class of kubernetes-models: built from an object, validated against its API's JSON schema. */
type ModelClass = new (data: never) => { validate(): void };

// The API groups the manifests may use, each with the JSON schemas of its kinds: Kubernetes' own (kubernetes-models,
// from the Kubernetes OpenAPI) and KEDA's (@kubernetes-models/keda, from KEDA's CRDs). Anything else is refused.
const schemasByApiVersion: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
	v1: core,
	'apps/v1': apps,
	'policy/v1': policy,
	'keda.sh/v1alpha1': keda,
};

/** Throws unless the object's kind is known for its apiVersion and the object matches that kind's schema. */
export function validateKubernetesObject(object: KubernetesObject): void {
	const name = `${object.kind}/${object.metadata?.name} (${object.apiVersion})`;
	const models = schemasByApiVersion[object.apiVersion];
	if (models === undefined) throw new Error(`${name}: no schema for apiVersion ${object.apiVersion}`);
	const Model = Object.hasOwn(models, object.kind) ? (models[object.kind] as ModelClass) : undefined;
	if (typeof Model !== 'function') throw new Error(`${name}: ${object.kind} is not a kind of ${object.apiVersion}`);
	try {
		new Model(object as never).validate();
	} catch (error) {
		throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
	}
}
