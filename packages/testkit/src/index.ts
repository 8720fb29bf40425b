export * from './variedLineFor.js';
export * from './findFreePort.js';
export * from './startRedisServer.js';
export * from './uniquePrefix.js';
export * from './waitFor.js';
