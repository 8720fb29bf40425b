// The message-router process: `npm run start:router`.
import { runService } from '@charbot/core';
import { startMessageRouter } from './startMessageRouter.js';

await runService({ name: 'message-router', start: (context) => startMessageRouter(context) });
