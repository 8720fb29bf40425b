import type { BalancingStrategy } from './BalancingStrategy.js';
import { LeastLoadedStrategy } from './LeastLoadedStrategy.js';
import { RoundRobinStrategy } from './RoundRobinStrategy.js';

/** The strategies a deployment can choose by name. */
export const StrategyNames = ['least-loaded', 'round-robin'] as const;

/** A strategy's name. */
export type StrategyName = (typeof StrategyNames)[number];

/** Builds a strategy from its configured name. */
export function createStrategy(name: StrategyName): BalancingStrategy {
	switch (name) {
		case 'least-loaded':
			return new LeastLoadedStrategy();
		case 'round-robin':
			return new RoundRobinStrategy();
	}
}
