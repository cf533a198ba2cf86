/**
 * The language server's entry point (bundled as `dist/server.js`): the connection comes from the
 * command line (`--stdio`, `--node-ipc` as the VS Code client starts it, `--socket=N`); the wiring
 * is `serve.ts`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { cancelUndispatched, serve } from './serve';

serve(createConnection(ProposedFeatures.all, { cancelUndispatched }));
