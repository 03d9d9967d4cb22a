import type { DetectionContext, ParsedRun } from './buildSignalTypes';
import { commandName, type ShellCommand } from './shellWords';
import { expandVariables, lookupStageVariable, type StageBuildInput } from './stageVariables';

export type VariableSource = 'command' | 'shell' | 'env' | 'arg';

export interface VariableValue {
  readonly value: string;
  readonly from: VariableSource;
}

const declaringCommands: ReadonlySet<string> = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);

/** An assignment word after `export`. Anchored, one class run: linear. */
const exportedAssignmentPattern = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * The variables a command in one RUN sees: its own `NAME=value` prefix, then what earlier
 * commands of the same RUN set or exported, then the stage's ENV and ARG values.
 */
export class RunVariables {
  private readonly shell = new Map<string, string>();

  constructor(private readonly input: StageBuildInput) {}

  /** Records what a command sets for the commands after it; call for every command in order. */
  observe(command: ShellCommand): void {
    if (command.words.length === 0) {
      for (const assignment of command.assignments) {
        this.shell.set(assignment.name, this.expand(assignment.value));
      }
      return;
    }
    const name = commandName(command.words[0]);
    if (declaringCommands.has(name)) {
      for (const word of command.words.slice(1)) {
        const match = exportedAssignmentPattern.exec(word.text);
        if (match) {
          this.shell.set(match[1] ?? '', this.expand(word.text.slice(match[0].length)));
        }
      }
    } else if (name === 'unset') {
      for (const word of command.words.slice(1)) {
        this.shell.delete(word.text);
      }
    }
  }

  lookup(name: string, command?: ShellCommand): VariableValue | undefined {
    const inline = command?.assignments.filter((assignment) => assignment.name === name).pop();
    if (inline) {
      return { value: this.expand(inline.value), from: 'command' };
    }
    const shellValue = this.shell.get(name);
    if (shellValue !== undefined) {
      return { value: shellValue, from: 'shell' };
    }
    const stage = lookupStageVariable(this.input, name);
    return stage ? { value: stage.value, from: stage.origin } : undefined;
  }

  /**
   * Expands `$NAME` references one level with the shell state and the stage variables. A
   * command's own `NAME=value` prefix does not apply to the words of that command line, as in sh.
   */
  expand(text: string): string {
    return expandVariables(
      text,
      (name) => this.shell.get(name) ?? lookupStageVariable(this.input, name)?.value,
    );
  }
}

/**
 * Calls `visit` for every command of every RUN in order, with the variables that command sees;
 * each RUN starts a fresh shell.
 */
export function walkRunCommands(
  context: DetectionContext,
  visit: (run: ParsedRun, command: ShellCommand, variables: RunVariables) => void,
): void {
  for (const run of context.runs) {
    const variables = new RunVariables(context.input);
    for (const command of run.commands) {
      visit(run, command, variables);
      variables.observe(command);
    }
  }
}
