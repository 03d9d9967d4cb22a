import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver';
import { validateWithService } from './serviceValidation';
import type { ValidationAnswer, ValidationRequest } from './validationMessages';

/** The bundled worker, next to the bundled server (dist/). */
export const VALIDATION_WORKER_BUNDLE = join(__dirname, 'validationWorker.js');

/** After this many worker failures in a row the server validates on its own thread for the rest of its life. */
const MAX_WORKER_FAILURES = 3;

/**
 * Texts shorter than this (about 250 lines) are validated on the server's thread: it takes a few
 * milliseconds, while the worker costs about 10 MB once started. Typical Dockerfiles never start it.
 */
export const WORKER_MIN_LENGTH = 8 * 1024;

interface Job {
  readonly text: string;
  readonly stillWanted: () => boolean;
  readonly resolve: (diagnostics: Diagnostic[] | undefined) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Runs dockerfile-utils' validation of large texts in a worker thread, one text at a time. dockerfile-utils
 * re-parses the whole text synchronously (about 0.4 s for 11,000 lines); on the server's thread, a
 * keystroke that arrived meanwhile would wait that long for our own diagnostics.
 *
 * Jobs wait here, not in the worker, and a job nobody wants any more (its document changed or closed while
 * it waited) is skipped rather than validated. The worker is started on first use, so clients that leave
 * the general features off never pay for it. When no bundled worker exists (the sources run directly) or
 * the worker keeps failing, validation runs on the server's thread as before: slower to type against, but
 * never missing.
 */
export class ValidationThread {
  private worker: Worker | undefined;
  private running: (Job & { readonly id: number }) | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private failures = 0;
  private bundled: boolean | undefined;

  constructor(
    private readonly workerPath: string,
    private readonly log: (message: string) => void,
    private readonly minLength = WORKER_MIN_LENGTH,
  ) {}

  /** The diagnostics of `text`, or undefined when the job was skipped because it was no longer wanted. */
  validate(text: string, stillWanted: () => boolean = () => true): Promise<Diagnostic[] | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ text, stillWanted, resolve, reject });
      this.dispatch();
    });
  }

  /** Whether validation runs off the server's thread (after the first request started the worker). */
  get usesWorker(): boolean {
    return this.worker !== undefined;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private dispatch(): void {
    while (!this.running && this.queue.length > 0) {
      const job = this.queue.shift() as Job;
      if (!job.stillWanted()) {
        job.resolve(undefined);
        continue;
      }
      const worker = job.text.length < this.minLength ? undefined : this.ensureWorker();
      if (!worker) {
        try {
          job.resolve(validateWithService(job.text));
        } catch (error) {
          job.reject(error instanceof Error ? error : new Error(String(error)));
        }
        continue;
      }
      const id = this.nextId++;
      this.running = { ...job, id };
      const request: ValidationRequest = { id, text: job.text };
      // A job in flight keeps the process alive until it is answered; an idle worker does not.
      worker.ref();
      worker.postMessage(request);
    }
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.failures >= MAX_WORKER_FAILURES) {
      return this.worker;
    }
    if (this.bundled === undefined) {
      this.bundled = existsSync(this.workerPath);
      if (!this.bundled) {
        this.log(`No validation worker at ${this.workerPath}; validating on the server thread.`);
      }
    }
    if (!this.bundled) {
      return undefined;
    }
    const worker = new Worker(this.workerPath);
    // An idle worker must not keep the server alive once the connection has ended.
    worker.unref();
    worker.on('message', (answer: ValidationAnswer) => this.answered(answer));
    worker.on('error', (error) => this.failed(worker, `the validation worker failed: ${error.message}`));
    worker.on('exit', (code) => this.failed(worker, `the validation worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private answered(answer: ValidationAnswer): void {
    const job = this.running;
    if (!job || job.id !== answer.id) {
      return;
    }
    this.running = undefined;
    this.failures = 0;
    this.worker?.unref();
    if (answer.error !== undefined) {
      job.reject(new Error(answer.error));
    } else {
      job.resolve(answer.diagnostics);
    }
    this.dispatch();
  }

  /** The worker is gone: its job fails (the next version tries again), and a new worker takes the queue. */
  private failed(worker: Worker, reason: string): void {
    if (this.worker !== worker) {
      return;
    }
    this.worker = undefined;
    this.failures++;
    const fallback =
      this.failures >= MAX_WORKER_FAILURES ? '; validating on the server thread from now on' : '';
    this.log(`${reason}${fallback}`);
    const job = this.running;
    this.running = undefined;
    job?.reject(new Error(reason));
    this.dispatch();
  }
}
