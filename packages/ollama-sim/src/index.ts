/** The door to the Ollama simulator: what tests and benchmarks use to start and script it. */
export type { SimBehavior } from './behavior/SimBehavior.js';
export { tokensPerImage } from './images/tokensPerImage.js';
export type { OllamaSimOptions } from './options/OllamaSimOptions.js';
export type { SimScript, SimScriptContext } from './scripts/SimScript.js';
export type { SloppyRecord } from './sloppy/SloppyRecord.js';
export { removableSloppyKinds, type SloppyKind, sloppyKinds } from './sloppy/sloppyKinds.js';
export { type OllamaSim, startOllamaSim } from './startOllamaSim.js';
export type { SimStats } from './stats/SimStats.js';
export { countTokens } from './text/countTokens.js';
export { generateReply } from './text/generateReply.js';
