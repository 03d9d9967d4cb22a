/**
 * Spreads the CLI's analysis over worker threads, so a CI run over a monorepo uses every CPU. The main
 * thread reads the files and settings (all I/O stays in the CLI's shell); workers only run the pure
 * analysis over texts they are sent and hand back plain findings. Results come back in file order, so the
 * report is the same whatever the number of threads (a test compares them).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AnalysisSettings } from '../analysis/settings';
import { analyzeFile, type AnalysisJob, type FileOutcome } from './analyzeFile';

/** Marks a worker started by this module, so the bundle knows to serve analyses instead of running the CLI. */
const WORKER_ROLE = 'dockerfile-stages-analysis';
/** Files per message: large enough that messaging costs little, small enough to share the work evenly. */
const BATCH_SIZE = 25;

interface WorkerStart {
  readonly role: typeof WORKER_ROLE;
  readonly settingsTable: readonly AnalysisSettings[];
  readonly withGraph: boolean;
}

interface BatchRequest {
  readonly first: number;
  readonly jobs: readonly AnalysisJob[];
}

interface BatchResult {
  readonly first: number;
  readonly outcomes: readonly FileOutcome[];
}

/** Whether this thread is one of the analysis workers. */
export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerStart> | null)?.role === WORKER_ROLE;
}

/** The worker's side: analyse each batch it is sent and send the outcomes back. */
export function serveAnalyses(): void {
  const { settingsTable, withGraph } = workerData as WorkerStart;
  parentPort?.on('message', ({ first, jobs }: BatchRequest) => {
    parentPort?.postMessage({
      first,
      outcomes: analyzeBatch(jobs, settingsTable, withGraph),
    } satisfies BatchResult);
  });
}

/**
 * Analyses every job on this thread and `workers` more, started from `script` (the CLI bundle itself).
 * The main thread takes batches too, between handling the workers' messages.
 */
export async function analyzeInParallel(
  script: string,
  jobs: readonly AnalysisJob[],
  settingsTable: readonly AnalysisSettings[],
  withGraph: boolean,
  workers: number,
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(jobs.length);
  let next = 0;
  const takeBatch = (): BatchRequest | undefined => {
    if (next >= jobs.length) {
      return undefined;
    }
    const first = next;
    next = Math.min(jobs.length, next + BATCH_SIZE);
    return { first, jobs: jobs.slice(first, next) };
  };
  const store = ({ first, outcomes: batch }: BatchResult): void => {
    batch.forEach((outcome, offset) => (outcomes[first + offset] = outcome));
  };
  const analyzeHere = ({ first, jobs: batchJobs }: BatchRequest): void =>
    store({ first, outcomes: analyzeBatch(batchJobs, settingsTable, withGraph) });

  // A worker that cannot start or dies hands its batch back; the main thread analyses it at the end, so
  // a thread problem costs time, never findings.
  const orphaned: BatchRequest[] = [];
  const start: WorkerStart = { role: WORKER_ROLE, settingsTable, withGraph };
  const running = Array.from({ length: workers }, () => {
    const worker = new Worker(script, { workerData: start });
    return new Promise<void>((resolve) => {
      let inFlight: BatchRequest | undefined;
      let finished = false;
      const finish = (): void => {
        if (!finished) {
          finished = true;
          if (inFlight) {
            orphaned.push(inFlight);
          }
          void worker.terminate().then(() => resolve());
        }
      };
      const feed = (): void => {
        inFlight = takeBatch();
        if (inFlight) {
          worker.postMessage(inFlight);
        } else {
          finish();
        }
      };
      worker.on('message', (result: BatchResult) => {
        inFlight = undefined;
        store(result);
        feed();
      });
      worker.on('error', finish);
      worker.on('exit', finish);
      worker.on('online', feed);
    });
  });

  // The main thread works through batches too, yielding between them so the workers' results are taken
  // in and they are fed again without waiting.
  for (let batch = takeBatch(); batch; batch = takeBatch()) {
    analyzeHere(batch);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(running);
  orphaned.forEach(analyzeHere);
  return outcomes;
}

/** Analyses jobs one after the other on the calling thread. */
export function analyzeBatch(
  jobs: readonly AnalysisJob[],
  settingsTable: readonly AnalysisSettings[],
  withGraph: boolean,
): FileOutcome[] {
  return jobs.map((job) => analyzeFile(job.text, settingsTable[job.settingsIndex], withGraph));
}
