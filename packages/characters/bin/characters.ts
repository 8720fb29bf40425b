// `npm run characters` in development; the command itself is src/cli/main.ts (compiled with the package).
import '../src/cli/main.js';
