// The delivery process: `npm run start:delivery`.
import { runService } from '@charbot/core';
import { startDeliveryService } from './startDeliveryService.js';

await runService({ name: 'delivery', start: startDeliveryService });
