import { commands, type ExtensionContext } from 'vscode';
import type { LanguageClient, Location, Position } from 'vscode-languageclient/node';
import { SHOW_STAGE_REFERENCES_COMMAND } from '../../server/src/protocol';

/**
 * Opens the references peek for a stage's code lens. The server sends plain JSON; VS Code's
 * `editor.action.showReferences` only accepts its own Uri, Position and Location objects.
 */
export function registerShowStageReferences(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand(
      SHOW_STAGE_REFERENCES_COMMAND,
      (uri: string, position: Position, locations: Location[]) =>
        commands.executeCommand(
          'editor.action.showReferences',
          client.protocol2CodeConverter.asUri(uri),
          client.protocol2CodeConverter.asPosition(position),
          locations.map((location) => client.protocol2CodeConverter.asLocation(location)),
        ),
    ),
  );
}
