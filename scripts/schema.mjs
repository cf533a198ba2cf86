// Writes schemas/govreportrc.schema.json and the `govreport.rules` properties of package.json from
// the rules registry (the core's configSchema() and settingsRulesProperties()). test/l10n checks
// that both are up to date; run `npm run schema` after adding a code.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'govreport-schema-'));
try {
  const outfile = join(dir, 'config.cjs');
  await build({ entryPoints: ['server/src/core/config.ts'], outfile, bundle: true, mainFields: ['module', 'main'], platform: 'node', format: 'cjs', logLevel: 'warning' });
  const { configSchema, settingsRulesProperties } = createRequire(import.meta.url)(outfile);
  writeFileSync('schemas/govreportrc.schema.json', `${JSON.stringify(configSchema(), null, 2)}\n`);
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  manifest.contributes.configuration.properties['govreport.rules'].properties = settingsRulesProperties();
  writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
