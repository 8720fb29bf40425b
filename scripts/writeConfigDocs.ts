import { readFileSync, writeFileSync } from 'node:fs';
import { renderEnvExample, renderSettingsTable, resolveFromRoot } from '@charbot/core';

// Regenerates the README configuration table and .env.example from the zod settings, so docs cannot drift.
const readmePath = resolveFromRoot('README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = readme.replace(/(<!-- config:start -->\n)[\s\S]*?(\n<!-- config:end -->)/, `$1${renderSettingsTable()}$2`);
writeFileSync(readmePath, updated);
writeFileSync(resolveFromRoot('.env.example'), renderEnvExample());
process.stdout.write('README.md configuration table and .env.example regenerated\n');
