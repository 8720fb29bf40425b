import type { IContainer } from 'kubernetes-models/v1';
import type { KubernetesObject } from './renderKustomizeOverlay.js';

/** What a pod's fields resolve to (`metadata.labels['...']` and the like), for `fieldRef`. */
export type PodFields = Readonly<Record<string, string>>;

/**
 * The environment a container starts with, resolved as the kubelet does: `envFrom` first, then `env` in order, each
 * `$(NAME)` expanded from the variables defined before it. Throws naming the variable when a ConfigMap, Secret, key or
 * pod field it refers to does not exist among the rendered objects.
 */
export function resolveContainerEnv(
	container: Pick<IContainer, 'env' | 'envFrom'>,
	objects: readonly KubernetesObject[],
	podFields: PodFields,
): Record<string, string> {
	const find = (kind: 'ConfigMap' | 'Secret', name: string | undefined, variable: string) => {
		const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
		if (found === undefined) throw new Error(`${variable}: no ${kind} named ${name}`);
		const data = (found.data ?? {}) as Record<string, string>;
		return kind === 'Secret' ? Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')])) : data;
	};
	const lookUp = (kind: 'ConfigMap' | 'Secret', ref: { readonly name?: string; readonly key: string }, variable: string) => {
		const data = find(kind, ref.name, variable);
		if (!Object.hasOwn(data, ref.key)) throw new Error(`${variable}: ${kind} ${ref.name} has no key ${ref.key}`);
		return data[ref.key] as string;
	};
	const env: Record<string, string> = {};
	for (const source of container.envFrom ?? []) {
		if (source.configMapRef !== undefined) Object.assign(env, find('ConfigMap', source.configMapRef.name, 'envFrom'));
		if (source.secretRef !== undefined) Object.assign(env, find('Secret', source.secretRef.name, 'envFrom'));
	}
	for (const variable of container.env ?? []) {
		const from = variable.valueFrom;
		if (from?.fieldRef !== undefined) {
			const value = podFields[from.fieldRef.fieldPath];
			if (value === undefined) throw new Error(`${variable.name}: the pod has no field ${from.fieldRef.fieldPath}`);
			env[variable.name] = value;
		} else if (from?.configMapKeyRef !== undefined) env[variable.name] = lookUp('ConfigMap', from.configMapKeyRef, variable.name);
		else if (from?.secretKeyRef !== undefined) env[variable.name] = lookUp('Secret', from.secretKeyRef, variable.name);
		// Kubernetes expands $(NAME) from the variables defined before this one and leaves an unknown one as written.
		else env[variable.name] = (variable.value ?? '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name: string) => env[name] ?? whole);
	}
	return env;
}
