import { readFileSync } from 'node:fs';

/** The heap's objects of one kind: V8 node type and constructor (or string/code/array) name. */
export interface HeapGroup {
	readonly type: string;
	readonly name: string;
	readonly count: number;
	readonly selfBytes: number;
}

/** A heap snapshot summed by kind, biggest first; what `node --heapsnapshot-signal` writes (after a full GC). */
export interface HeapSummary {
	readonly totalBytes: number;
	readonly groups: readonly HeapGroup[];
}

interface SnapshotFile {
	readonly snapshot: { readonly meta: { readonly node_fields: string[]; readonly node_types: [string[], ...unknown[]] } };
	readonly nodes: number[];
	readonly strings: string[];
}

// Strings, code and arrays are grouped by type alone: their "names" are their contents.
const groupedByType = new Set(['string', 'concatenated string', 'sliced string', 'code', 'number', 'hidden', 'array']);

/** Reads a `.heapsnapshot` and sums the self size of its objects by type and constructor. */
export function summarizeHeapSnapshot(path: string): HeapSummary {
	const file = JSON.parse(readFileSync(path, 'utf8')) as SnapshotFile;
	const fields = file.snapshot.meta.node_fields;
	const types = file.snapshot.meta.node_types[0];
	const width = fields.length;
	const typeAt = fields.indexOf('type');
	const nameAt = fields.indexOf('name');
	const sizeAt = fields.indexOf('self_size');
	const groups = new Map<string, { type: string; name: string; count: number; selfBytes: number }>();
	let totalBytes = 0;
	for (let offset = 0; offset < file.nodes.length; offset += width) {
		const type = types[file.nodes[offset + typeAt] as number] ?? '?';
		const size = file.nodes[offset + sizeAt] as number;
		const name = groupedByType.has(type) ? `(${type})` : (file.strings[file.nodes[offset + nameAt] as number] ?? '?');
		const key = `${type}\u0000${name}`;
		const group = groups.get(key) ?? { type, name, count: 0, selfBytes: 0 };
		group.count += 1;
		group.selfBytes += size;
		groups.set(key, group);
		totalBytes += size;
	}
	return { totalBytes, groups: [...groups.values()].sort((a, b) => b.selfBytes - a.selfBytes) };
}
