/** The program's version, from package.json (esbuild inlines the JSON into dist/cli.js). */
import packageJson from '../../../package.json';

export const VERSION: string = packageJson.version;
