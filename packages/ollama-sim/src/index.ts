export * from './behavior/SimBehavior.js';
export * from './behavior/simBehaviorSchema.js';
export * from './options/OllamaSimOptions.js';
export * from './scripts/SimScript.js';
export * from './startOllamaSim.js';
export * from './stats/SimStats.js';
export * from './text/countTokens.js';
export * from './text/generateReply.js';
