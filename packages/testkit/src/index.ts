/** The door to the test kit: what tests and benchmarks use to start real parts and wait on them. */
export { variedLineFor } from './variedLineFor.js';
export { findFreePort } from './findFreePort.js';
export { type RedisServer, type RedisServerOptions, startRedisServer } from './startRedisServer.js';
export { uniquePrefix } from './uniquePrefix.js';
export { waitFor } from './waitFor.js';
export { type RedisCluster, type RedisClusterNode, startRedisCluster } from './startRedisCluster.js';
