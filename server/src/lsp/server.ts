/**
 * The language server's entry point (bundled as `dist/server.js`): the connection comes from the
 * command line (`--stdio`, `--node-ipc` as the VS Code client starts it, `--socket=N`); the wiring
 * is `serve.ts`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { cancelUndispatched, serve } from './serve';
import { stdioConnection } from './stdio';

/** The first argument that names a connection, as vscode-languageserver reads them. */
const transport = process.argv.slice(2).find((a) => /^--(?:stdio|node-ipc|socket|pipe)(?:=|$)/u.test(a));

serve(transport === '--stdio' ? stdioConnection({ cancelUndispatched }) : createConnection(ProposedFeatures.all, { cancelUndispatched }));
