/**
 * dockerfile-language-service and dockerfile-utils are loaded on first use, not when the server starts:
 * most clients leave the general Dockerfile features off, and then the libraries (and the megabytes their
 * modules take once evaluated) are never needed. The bundler still includes them; `require` inside a
 * function only defers running their module code until a request asks for them.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as LanguageService from 'dockerfile-language-service';
import type * as Assist from 'dockerfile-language-service/lib/dockerAssist';
import type * as SemanticTokens from 'dockerfile-language-service/lib/dockerSemanticTokens';
import type * as Utils from 'dockerfile-utils';

type LanguageServiceModule = typeof LanguageService;
type UtilsModule = typeof Utils;
type AssistModule = typeof Assist;
type SemanticTokensModule = typeof SemanticTokens;

export function loadLanguageService(): LanguageServiceModule {
  return require('dockerfile-language-service') as LanguageServiceModule;
}

export function loadDockerfileUtils(): UtilsModule {
  return require('dockerfile-utils') as UtilsModule;
}

export function loadDockerAssist(): AssistModule['DockerAssist'] {
  return (require('dockerfile-language-service/lib/dockerAssist') as AssistModule).DockerAssist;
}

export function loadDockerSemanticTokens(): SemanticTokensModule['DockerSemanticTokens'] {
  return (require('dockerfile-language-service/lib/dockerSemanticTokens') as SemanticTokensModule)
    .DockerSemanticTokens;
}
