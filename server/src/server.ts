/**
 * Entry point of the language server. `createConnection` picks the transport from the command line
 * (`--stdio`, `--node-ipc` or `--socket=N`), so the same bundle serves VS Code and the protocol tests.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';
import { errorDetail } from './analysis/errorDetail';

const connection = createConnection(ProposedFeatures.all);
// Anything a dependency prints must not corrupt the stdio stream, so console output goes to the client's log.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
// A promise that fails unobserved would end the process under Node's default; one failed handler must not
// cost the user every open document, so it is logged instead.
process.on('unhandledRejection', (reason) => {
  try {
    connection.console.error(`Unhandled failure: ${errorDetail(reason)}`);
  } catch {
    // The connection is closed (the client went away), so there is nobody left to tell.
  }
});
startServer(connection);
