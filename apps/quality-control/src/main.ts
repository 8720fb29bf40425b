// The quality-control process: `npm run start:qc`.
import { runService } from '@charbot/core';
import { startQualityControlService } from './startQualityControlService.js';

await runService({ name: 'quality-control', start: startQualityControlService });
