export * from './http/FieldIssue.js';
export * from './metrics/renderMetricsSummary.js';
export * from './routes/admin/renderModelValidation.js';
export * from './routes/generate/renderGenerateResult.js';
export * from './routes/health/describeServiceHealth.js';
export * from './startLlmService.js';
export * from './waitForCache.js';
