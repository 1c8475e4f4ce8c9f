// Language server entry (dist/server.js). The transport comes from the command line:
// `--stdio`, `--node-ipc` or `--socket=N`, as vscode-languageserver reads it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createEngine } from '../node/engine';
import { describeError } from './guard';
import { Session } from './session';

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one answer, never the process (and with it every open document's diagnostics).
const report = (what: string) => (e: unknown) => {
  try {
    connection.console.error(`hybrid-mesh: ${what}: ${describeError(e)}`);
  } catch {
    process.exit(1); // the connection itself is gone: nobody is left to serve
  }
};
process.on('uncaughtException', report('uncaught exception'));
process.on('unhandledRejection', report('unhandled rejection'));

new Session(connection, createEngine({ logger: { error: (m) => connection.console.error(m) } })).listen();
