import type { ClientCapabilities, InitializeParams } from 'vscode-languageserver';
import {
  DEFAULT_INITIALIZATION_OPTIONS,
  readInitializationOptions,
  type InitializationOptions,
} from '../initializationOptions';

/**
 * What the client said about itself in `initialize`: its capabilities and the options it chose. Features are
 * shared objects, so per-server facts like these live here, one per connection, filled before any request.
 */
export class ClientSession {
  private currentCapabilities: ClientCapabilities = {};
  private currentOptions: InitializationOptions = DEFAULT_INITIALIZATION_OPTIONS;

  initialize(params: InitializeParams): void {
    this.currentCapabilities = params.capabilities;
    this.currentOptions = readInitializationOptions(params.initializationOptions);
  }

  get capabilities(): ClientCapabilities {
    return this.currentCapabilities;
  }

  get options(): InitializationOptions {
    return this.currentOptions;
  }
}
