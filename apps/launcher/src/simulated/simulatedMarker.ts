/**
 * The last line of every simulated reply. Discord shows a `-# ` line as small grey subtext, the playground as a
 * SIMULATED badge, and quality control leaves it alone: said once, visibly, instead of a note inside the reply.
 */
export const simulatedMarker = '-# simulated';
