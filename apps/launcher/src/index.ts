export * from './launchPlatform.js';
export * from './planLocalParts.js';
export * from './PlatformApps.js';
export * from './probeOllama.js';
export * from './simulatedCharacterReply.js';
export * from './superviseProcess.js';
