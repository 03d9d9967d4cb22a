import type { SymbolInformation } from 'vscode-languageserver';
import { stageWorkspaceSymbols } from '../analysis/navigation';
import { answerSafely } from './answerSafely';
import type { Feature } from './feature';

/** Stage names across every open Dockerfile, for "Go to Symbol in Workspace". */
export const workspaceSymbolsFeature: Feature = {
  name: 'workspaceSymbols',
  capabilities: () => ({ workspaceSymbolProvider: true }),
  register(context) {
    context.connection.onWorkspaceSymbol(async ({ query }) => {
      const symbols: SymbolInformation[] = [];
      for (const document of context.documents.all()) {
        symbols.push(
          ...(await answerSafely(context, 'workspaceSymbol', document.uri, [], (result) =>
            stageWorkspaceSymbols(document.uri, result, query),
          )),
        );
      }
      return symbols;
    });
  },
};
