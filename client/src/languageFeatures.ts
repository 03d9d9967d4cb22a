import { extensions, workspace, type Disposable } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/initializationOptions';
import { decideLanguageFeatures } from './decideLanguageFeatures';

const SETTING_SECTION = 'dockerfileStages';
const SETTING = 'languageFeatures';

/**
 * Decides `dockerfileStages.languageFeatures` for the server: whether it offers the general Dockerfile
 * features and whether Docker DX is there. The server learns the decision in `initialize`, so when the
 * setting changes, or an extension is installed or removed, and the decision changes, the client restarts
 * the server (a matter of milliseconds; diagnostics come back on their own).
 */
export class LanguageFeatures {
  private sent: InitializationOptions | undefined;

  /** The `initializationOptions` for this start of the server. */
  initializationOptions(): InitializationOptions {
    this.sent = LanguageFeatures.decide();
    return this.sent;
  }

  watch(client: LanguageClient): Disposable[] {
    const restartIfChanged = () => {
      const now = LanguageFeatures.decide();
      if (
        this.sent !== undefined &&
        (this.sent.generalFeatures !== now.generalFeatures || this.sent.dockerDx !== now.dockerDx)
      ) {
        void client.restart();
      }
    };
    return [
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SETTING_SECTION}.${SETTING}`)) {
          restartIfChanged();
        }
      }),
      extensions.onDidChange(restartIfChanged),
    ];
  }

  private static decide(): InitializationOptions {
    return decideLanguageFeatures(
      workspace.getConfiguration(SETTING_SECTION).get<unknown>(SETTING),
      extensions.all.map((extension) => extension.id),
    );
  }
}
