// The LLM service process: `npm run start:llm-service`. Its API answers /healthz and /readyz on HEALTH_PORT itself.
import { runService } from '@charbot/core';
import { startLlmServiceProcess } from './startLlmServiceProcess.js';

await runService({ name: 'llm-service', start: startLlmServiceProcess, healthServer: false });
