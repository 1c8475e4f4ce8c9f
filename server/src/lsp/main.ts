// Language server entry (dist/server.js). The transport comes from the command line:
// `--stdio`, `--node-ipc` or `--socket=N`, as vscode-languageserver reads it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createEngine } from '../node/engine';
import { describeError } from './guard';
import { Session } from './session';

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one answer, never the process (and with it every open document's diagnostics).
process.on('uncaughtException', (e) => connection.console.error(`hybrid-mesh: uncaught: ${describeError(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`hybrid-mesh: unhandled rejection: ${describeError(e)}`));

new Session(connection, createEngine({ logger: { error: (m) => connection.console.error(m) } })).listen();
