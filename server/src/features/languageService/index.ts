import type { Feature } from '../feature';
import { documentLinksFeature } from './documentLinks';
import { formattingFeature } from './formatting';
import { semanticTokensFeature } from './semanticTokens';
import { signatureHelpFeature } from './signatureHelp';
import { serviceValidationFeature } from './validation';

export { mergeCompletions, serviceCompletions, SERVICE_COMPLETION_TRIGGERS } from './serviceCompletions';
export { mergeHovers, serviceHover } from './serviceHover';

const PARTS: readonly Feature[] = [
  serviceValidationFeature,
  formattingFeature,
  signatureHelpFeature,
  semanticTokensFeature,
  documentLinksFeature,
];

/**
 * The general Dockerfile features that come from dockerfile-language-service, for requests our own
 * features do not answer. Each declares its capability only when the client turned the general features
 * on. Completion and hover are not here: the stage-aware handlers answer them and merge in the service's
 * answers through `serviceCompletions` and `serviceHover`. Definition, rename, highlights and symbols are
 * ours alone.
 */
export const generalLanguageFeatures: Feature = {
  name: 'general Dockerfile features (dockerfile-language-service)',
  capabilities: (client, options) =>
    Object.assign({}, ...PARTS.map((feature) => feature.capabilities(client, options))) as ReturnType<
      Feature['capabilities']
    >,
  register(context) {
    for (const feature of PARTS) {
      feature.register(context);
    }
  },
};
