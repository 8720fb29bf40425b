// One class for every process, so the service scaffold reports it in one line, without a stack.
export { StartupError } from '@charbot/core';
