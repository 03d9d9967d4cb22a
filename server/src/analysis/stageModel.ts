import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';

/** A global ARG (declared before the first FROM) and its default, if any. */
export interface GlobalArg {
  readonly name: string;
  readonly defaultValue: string | undefined;
  readonly range: Range;
}

/** The `--platform` flag of a FROM instruction. */
export interface PlatformFlag {
  readonly value: string;
  readonly range: Range;
}

/** One build stage: a FROM instruction and the instructions that follow it up to the next FROM. */
export interface Stage {
  /** 0-based position among all stages; what `COPY --from=N` counts. */
  readonly index: number;
  /** The name after `AS`, exactly as written, or undefined for an unnamed stage. */
  readonly name: string | undefined;
  /** The name lowercased, which is how BuildKit stores and compares it. */
  readonly nameLower: string | undefined;
  readonly nameRange: Range | undefined;
  /** The `AS` keyword as written and its range. */
  readonly asKeyword: string | undefined;
  readonly asRange: Range | undefined;
  /** The `FROM` keyword as written (`FROM`, `from`, `From`). */
  readonly fromKeyword: string;
  readonly fromKeywordRange: Range;
  /** The whole FROM instruction, continuation lines included. */
  readonly fromRange: Range;
  /** The base as written (`golang:1.22`, `${BASE}`, `build`), or undefined when missing. */
  readonly base: string | undefined;
  /** The base after expanding global ARG defaults; undefined when a variable has no value. */
  readonly baseExpanded: string | undefined;
  readonly baseRange: Range | undefined;
  readonly platform: PlatformFlag | undefined;
  /** From the FROM line to the last line before the next FROM (or the end of the file). */
  readonly range: Range;
  /** The FROM instruction first, then every instruction of the stage. */
  readonly instructions: readonly Instruction[];
}

/** Where a reference to a stage appears. */
export type ReferenceKind = 'copy' | 'mount' | 'from';

/** What a reference value turns into, following BuildKit's resolution rules. */
export type Resolution =
  /** An existing stage, found by name or numeric index. */
  | { readonly type: 'stage'; readonly stageIndex: number; readonly byIndex: boolean }
  /** No stage matched: BuildKit pulls the value as an image. */
  | { readonly type: 'image'; readonly image: string }
  /** `--from=$X`: BuildKit rejects variable expansion in `--from`. */
  | { readonly type: 'variable' }
  /** `--from=N` with N at or past the number of stages. */
  | { readonly type: 'indexOutOfRange'; readonly stageIndex: number }
  /** A `FROM` value that names the current or a later stage, which `FROM` cannot see. */
  | { readonly type: 'laterStage'; readonly stageIndex: number };

/** A `COPY --from=`, `RUN --mount=...,from=` or `FROM <stage>` reference. */
export interface StageReference {
  readonly kind: ReferenceKind;
  /** The value as written. */
  readonly value: string;
  readonly valueRange: Range;
  /** The stage the reference sits in. */
  readonly fromStageIndex: number;
  readonly instruction: Instruction;
  readonly resolution: Resolution;
}

/** The parsed Dockerfile as a graph of stages and the references between them. */
export interface StageGraph {
  readonly stages: readonly Stage[];
  readonly globalArgs: readonly GlobalArg[];
  readonly references: readonly StageReference[];
  /** `\` or the backtick set by `# escape=`. */
  readonly escapeChar: string;
}
