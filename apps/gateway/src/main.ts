// Process entry of the gateway: `npm run start:gateway`. Health is served from the start, so liveness probes answer while it logs in.
import { runService } from '@charbot/core';
import { startGateway } from './startGateway.js';

await runService({ name: 'gateway', start: (context) => startGateway(context) });
