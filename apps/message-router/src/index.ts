export * from './routing/chooseRole.js';
export * from './routing/describeFailedAttempts.js';
export * from './routing/generateCandidate.js';
export * from './startMessageRouter.js';
