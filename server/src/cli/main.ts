/**
 * The command line: reads files, runs the same analysis as the language server, prints a report.
 * All I/O of the CLI lives here; the analysis itself stays pure.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../analysis/analyze';
import { ALL_RULES } from '../analysis/rules';
import { describeFsError, findDockerfiles } from './findDockerfiles';
import type { FileReport } from './formats/fileReport';
import { formatJson } from './formats/formatJson';
import { formatSarif } from './formats/formatSarif';
import { formatText } from './formats/formatText';
import { USAGE, parseArguments, type CheckCommand } from './parseArguments';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string;
}

/** Runs the CLI and returns its exit status. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const parsed = parseArguments(argv);
  switch (parsed.kind) {
    case 'help':
      io.stdout(`${USAGE}\n`);
      return 0;
    case 'version':
      io.stdout(`${VERSION}\n`);
      return 0;
    case 'error':
      io.stderr(`dockerfile-stages: ${parsed.message}\n\n${USAGE}\n`);
      return 2;
    case 'check':
      return runCheck(parsed.command, io);
  }
}

function runCheck(command: CheckCommand, io: CliIo): number {
  const { files, problems } = findDockerfiles(command.paths);
  const reports: FileReport[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      problems.push(`${file}: ${describeFsError(error)}`);
      continue;
    }
    // Editors drop the byte-order mark from the text they hand the server; do the same so positions agree.
    if (text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
    }
    const settings = { rules: {}, target: command.target, buildArgs: command.buildArgs };
    const result = analyze(text, settings);
    for (const failure of result.failures) {
      io.stderr(`dockerfile-stages: rule ${failure.ruleId} failed on ${file}: ${failure.message}\n`);
    }
    reports.push({ file, findings: result.findings });
  }
  for (const problem of problems) {
    io.stderr(`dockerfile-stages: ${problem}\n`);
  }
  if (files.length === 0 && problems.length === 0) {
    io.stderr('dockerfile-stages: no Dockerfiles found in the given paths\n');
  }

  if (command.format === 'json') {
    io.stdout(formatJson(reports));
  } else if (command.format === 'sarif') {
    io.stdout(formatSarif(reports, ALL_RULES, VERSION));
  } else {
    io.stdout(formatText(reports));
  }

  if (problems.length > 0) {
    return 2;
  }
  return reports.some((report) => report.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(path, 'utf8'),
  });
}
