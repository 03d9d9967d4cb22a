import {
  SemanticTokenModifiers,
  SemanticTokenTypes,
  type SemanticTokens,
  type SemanticTokensLegend,
} from 'vscode-languageserver';
import type { Feature } from '../feature';
import { answerFromService } from './dockerfileLanguageService';
import { loadDockerSemanticTokens } from './loadLanguageService';
import { retypeStageNames } from './stageNameTokens';

/**
 * The legend of dockerfile-language-service: token types and modifiers in the order its `TokensLegend`
 * numbers them (modifiers are bit flags, declaration = 1, definition = 2, deprecated = 4).
 */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [
    SemanticTokenTypes.keyword,
    SemanticTokenTypes.comment,
    SemanticTokenTypes.parameter,
    SemanticTokenTypes.property,
    SemanticTokenTypes.namespace,
    SemanticTokenTypes.class,
    SemanticTokenTypes.macro,
    SemanticTokenTypes.string,
    SemanticTokenTypes.variable,
    SemanticTokenTypes.operator,
    SemanticTokenTypes.modifier,
  ],
  tokenModifiers: [
    SemanticTokenModifiers.declaration,
    SemanticTokenModifiers.definition,
    SemanticTokenModifiers.deprecated,
  ],
};

/**
 * Above this many lines the server answers no semantic tokens: the service re-parses the whole file per
 * request, which takes most of a second at 10,000 lines on a small machine and would hold up diagnostics.
 * The TextMate grammar still colours such files.
 */
export const SEMANTIC_TOKENS_LINE_LIMIT = 5_000;

/**
 * The service builds its token list with `tokens = tokens.concat([five numbers])` per token, which copies
 * the whole list every time: quadratic, 3.6 s instead of 0.6 s at 2,200 lines. Handing it a list whose
 * `concat` appends in place gives the same tokens in linear time. If a later version of the service no
 * longer keeps its tokens that way, this falls back to its own (slower) computation.
 */
export function computeSemanticTokensFast(text: string, fallback: () => SemanticTokens): SemanticTokens {
  const computer = new (loadDockerSemanticTokens())(text);
  const internals = computer as unknown as { tokens?: unknown };
  if (!Array.isArray(internals.tokens)) {
    return fallback();
  }
  const tokens: number[] = [];
  Object.defineProperty(tokens, 'concat', {
    value: (more: number[]) => {
      for (const value of more) {
        tokens.push(value);
      }
      return tokens;
    },
  });
  internals.tokens = tokens;
  return { data: Array.from(computer.computeSemanticTokens().data) };
}

/**
 * Semantic tokens for instructions, flags, variables, strings, comments and directives; stage names and
 * references to stages are all `namespace`, as in the stage grammar.
 */
export const semanticTokensFeature: Feature = {
  name: 'semantic tokens',
  capabilities: (_client, options) =>
    options.generalFeatures
      ? { semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: false } } }
      : {},
  register(context) {
    const none: SemanticTokens = { data: [] };
    context.connection.languages.semanticTokens.on(({ textDocument }) =>
      answerFromService(context, 'semantic tokens', textDocument.uri, none, async (document, service) => {
        if (document.lineCount > SEMANTIC_TOKENS_LINE_LIMIT) {
          return none;
        }
        const text = document.getText();
        const version = document.version;
        const tokens = computeSemanticTokensFast(text, () => service.computeSemanticTokens(text));
        const analysis = await context.analyses.get(document.uri);
        // The stage ranges must come from the same text the tokens were computed for.
        if (!analysis || analysis.version !== version) {
          return tokens;
        }
        return {
          data: retypeStageNames(
            tokens.data,
            analysis.result.graph,
            SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf(SemanticTokenTypes.namespace),
            1 << SEMANTIC_TOKENS_LEGEND.tokenModifiers.indexOf(SemanticTokenModifiers.declaration),
          ),
        };
      }),
    );
  },
};
