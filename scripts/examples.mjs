// The README's main command: check the bundled example reports. The examples contain deliberate
// mistakes, so the CLI's exit status 1 ("errors found") is the expected outcome here; anything else fails.
import { spawnSync } from 'child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'check', ...process.argv.slice(2), 'examples'], { stdio: 'inherit' });
if (result.status === 0 || result.status === 1) process.exit(0);
console.error(`govreport check exited with ${result.status ?? result.signal}`);
process.exit(2);
