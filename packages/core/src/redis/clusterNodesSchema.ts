import { z } from 'zod';

/** One startup node of a Redis Cluster. */
export interface ClusterNode {
	readonly host: string;
	readonly port: number;
}

const nodeSchema = z
	.string()
	.trim()
	.regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'each node must be host:port')
	.transform((node, context): ClusterNode => {
		const separator = node.lastIndexOf(':');
		const port = Number(node.slice(separator + 1));
		if (port < 1 || port > 65535) context.addIssue({ code: 'custom', message: `the port of ${node} must be 1-65535` });
		return { host: node.slice(0, separator), port };
	});

/** A nodes list, `host:port` comma-separated (at least one), parsed into the startup nodes ioredis' `Cluster` takes. */
export const clusterNodesSchema = z
	.string()
	.transform((list) => list.split(',').filter((node) => node.trim() !== ''))
	.pipe(z.array(nodeSchema).min(1, 'must list at least one host:port'));
