/** The door to the LLM pool: what the apps and tests use to build, query and observe it. */
export type { StrategyName } from './balancing/createStrategy.js';
export { RedisResponseCache } from './cache/RedisResponseCache.js';
export type { CacheScope } from './cache/ResponseCache.js';
export { RequestCoalescer } from './coalescing/RequestCoalescer.js';
export { LlmError, type LlmErrorCode, ModelCannotSeeError, ModelNotFoundError } from './errors/LlmError.js';
export { generateObject } from './generation/generateObject.js';
export type { GenerateRequest, GenerateResult } from './generation/types.js';
export type { HostHealth, PoolHealth } from './health/describePoolHealth.js';
export { refuseSimulatedHosts } from './health/refuseSimulatedHosts.js';
export { HostState } from './hosts/HostState.js';
export { type ConfiguredPool, createConfiguredPool } from './createConfiguredPool.js';
export { LlmPool, type LlmPoolOptions, type ModelValidation } from './LlmPool.js';
export { createPrometheusLlmMetrics } from './metrics/createPrometheusLlmMetrics.js';
export type { LlmStatsSnapshot } from './metrics/LlmStats.js';
export { registerHostHealthMetrics } from './metrics/registerHostHealthMetrics.js';
export type { GenerationSettings } from './settings/generationDefaults.js';
export type { LlmSettings } from './settings/llmSettings.js';
export { resolveLlmSettings, VisionRole } from './settings/resolveLlmSettings.js';
