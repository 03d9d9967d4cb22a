/**
 * The command line: reads files, runs the same analysis as the language server, prints a report.
 * All I/O of the CLI lives here; the analysis itself stays pure.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AnalysisSettings } from '../analysis/settings';
import { ALL_RULES, RULE_IDS } from '../analysis/rules';
import { describeFsError, findDockerfiles } from './findDockerfiles';
import type { FileReport } from './formats/fileReport';
import { createProjectSettingsLoader } from './projectConfig';
import type { AnalysisJob } from './analyzeFile';
import { analyzeBatch, analyzeInParallel, isAnalysisWorker, serveAnalyses } from './parallelAnalysis';
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
  /**
   * Worker threads the CLI may add for large runs (`--jobs` overrides it), and the script they run; none
   * when absent, as in tests that fake the file system.
   */
  readonly parallelism?: { readonly workers: number; readonly script: string };
}

/** Below this many files a worker's start-up costs more than it saves. */
const MIN_FILES_PER_WORKER = 100;

/** Runs the CLI and resolves with its exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
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

async function runCheck(command: CheckCommand, io: CliIo): Promise<number> {
  const { files, problems } = findDockerfiles(command.paths);
  const projectSettingsFor = createProjectSettingsLoader(io, RULE_IDS, command);
  const configProblems = new Set<string>();
  // All reading happens first, on this thread; the analysis then runs on as many threads as help.
  const checked: string[] = [];
  const jobs: AnalysisJob[] = [];
  const settingsTable: AnalysisSettings[] = [];
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
    // The loader hands back one settings object per config file, so the table stays as short as that.
    let settingsIndex = settingsTable.indexOf(project.settings);
    if (settingsIndex < 0) {
      settingsIndex = settingsTable.push(project.settings) - 1;
    }
    checked.push(file);
    jobs.push({ text, settingsIndex });
  }

  const withGraph = GRAPH_FORMATS.has(command.format);
  const workers = workerCount(command, io, jobs.length);
  const outcomes =
    workers > 0 && io.parallelism
      ? await analyzeInParallel(io.parallelism.script, jobs, settingsTable, withGraph, workers)
      : analyzeBatch(jobs, settingsTable, withGraph);
  const reports: FileReport[] = outcomes.map((outcome, index) => {
    for (const failure of outcome.failures) {
      io.stderr(
        `dockerfile-stages: rule ${failure.ruleId} failed on ${checked[index]}: ${failure.message}\n`,
      );
    }
    return { file: checked[index], findings: outcome.findings, graph: outcome.graph };
  });
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

/** Worker threads for this run: `--jobs N` means N threads in all; by default one per CPU beyond two, for large runs. */
function workerCount(command: CheckCommand, io: CliIo, files: number): number {
  if (!io.parallelism) {
    return 0;
  }
  const wanted = command.jobs === undefined ? io.parallelism.workers : command.jobs - 1;
  return Math.max(0, Math.min(wanted, Math.floor(files / MIN_FILES_PER_WORKER)));
}

if (isAnalysisWorker()) {
  serveAnalyses();
} else if (require.main === module) {
  void runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(path, 'utf8'),
    // V8's collector and compiler threads already keep a second CPU busy beside the main thread (a
    // single-threaded run uses about 1.4 CPUs), so workers only pay off on the CPUs beyond two.
    parallelism: { workers: Math.max(0, availableParallelism() - 2), script: __filename },
  }).then((status) => {
    process.exitCode = status;
  });
}
