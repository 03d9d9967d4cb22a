/**
 * The command line: reads files, runs the same analysis as the language server, prints a report.
 * All I/O of the CLI lives here; the analysis itself stays pure.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../analysis/analyze';
import { ALL_RULES, RULE_IDS } from '../analysis/rules';
import { describeFsError, findDockerfiles } from './findDockerfiles';
import type { FileReport } from './formats/fileReport';
import { createProjectSettingsLoader } from './projectConfig';
import { viewOfAnalysis } from '../analysis/graph';
import { formatGraph, GRAPH_FORMATS } from './formats/formatGraph';
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
  const projectSettingsFor = createProjectSettingsLoader(io, RULE_IDS, command);
  const configProblems = new Set<string>();
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
    const project = projectSettingsFor(file);
    project.problems.forEach((problem) => configProblems.add(problem));
    const settings = project.settings;
    const result = analyze(text, settings);
    for (const failure of result.failures) {
      io.stderr(`dockerfile-stages: rule ${failure.ruleId} failed on ${file}: ${failure.message}\n`);
    }
    reports.push({
      file,
      findings: result.findings,
      graph: GRAPH_FORMATS.has(command.format) ? viewOfAnalysis(result, settings) : undefined,
    });
  }
  problems.push(...configProblems);
  for (const problem of problems) {
    io.stderr(`dockerfile-stages: ${problem}\n`);
  }
  if (files.length === 0 && problems.length === 0) {
    io.stderr('dockerfile-stages: no Dockerfiles found in the given paths\n');
  }

  if (command.format === 'mermaid' || command.format === 'dot') {
    io.stdout(formatGraph(reports, command.format));
  } else if (command.format === 'json') {
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
