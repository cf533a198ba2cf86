/** The program's version, from package.json (esbuild inlines just this field into dist/cli.js). */
import { version } from '../../../package.json';

export const VERSION: string = version;
