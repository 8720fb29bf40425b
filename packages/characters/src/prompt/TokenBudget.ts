import type { ChatMessage } from '@charbot/core';
import { estimateTokens, imageTokens, messageOverheadTokens } from './estimateTokens.js';

/** Counts down the tokens left for a prompt. Costs are estimated per part, which never undercounts the whole. */
export class TokenBudget {
	#remaining: number;

	public constructor(total: number) {
		this.#remaining = total;
	}

	/** Tokens still free; negative when the fixed parts alone overran. */
	public get remaining(): number {
		return this.#remaining;
	}

	/** The estimated cost of a whole chat message. */
	public static messageCost(message: ChatMessage): number {
		return estimateTokens(message.content) + messageOverheadTokens + (message.images?.length ?? 0) * imageTokens;
	}

	/** Spends `cost` unconditionally. */
	public spend(cost: number): void {
		this.#remaining -= cost;
	}

	/** Spends `cost` if it fits and says whether it did. */
	public trySpend(cost: number): boolean {
		if (cost > this.#remaining) return false;
		this.#remaining -= cost;
		return true;
	}

	/**
	 * Takes items for a system-message section (heading plus one line each) while they fit. `skip` passes over an
	 * item that does not fit and tries the next; `stop` keeps the first items only.
	 */
	public takeSectionItems(heading: string, items: readonly string[], mode: 'skip' | 'stop'): string[] {
		const kept: string[] = [];
		for (const item of items) {
			// The blank line and heading are paid with the first item; every item pays its line break.
			const cost = estimateTokens(item) + 1 + (kept.length === 0 ? estimateTokens(heading) + 1 : 0);
			if (this.trySpend(cost)) kept.push(item);
			else if (mode === 'stop') break;
		}
		return kept;
	}

	/** Takes the newest messages that fit, stopping at the first that does not; returned oldest first. */
	public takeNewest(messages: readonly ChatMessage[]): ChatMessage[] {
		const kept: ChatMessage[] = [];
		for (let index = messages.length - 1; index >= 0; index--) {
			const message = messages[index] as ChatMessage;
			if (!this.trySpend(TokenBudget.messageCost(message))) break;
			kept.unshift(message);
		}
		return kept;
	}
}
