import type { StatsRecorder } from '../../stats/StatsRecorder.js';
import type { ComposedReply } from './composeReply.js';

/**
 * Once a sloppy reply is over, records its failure if the whole injected fragment reached the client in
 * the first `tokensSent` tokens; otherwise (a stop sequence, `num_predict` or a client leaving cut it) counts it as cut.
 */
export function recordSloppyReply(stats: StatsRecorder, model: string, reply: ComposedReply, tokensSent: number): void {
	const { sloppy } = reply;
	if (sloppy === undefined) return;
	const sent = reply.tokens.slice(0, tokensSent).join('');
	// Limits only ever cut the end of a text, so the fragment survives exactly when its end was sent.
	if (sloppy.fragmentAt + sloppy.fragment.length > sent.length) return stats.sloppyCut();
	stats.sloppyInjected({ at: new Date().toISOString(), model, kind: sloppy.kind, fragment: sloppy.fragment, text: sent });
}
