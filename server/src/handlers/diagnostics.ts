import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalyses } from '../documentAnalyses';
import type { SettingsStore } from './settings';
import { toDiagnostic } from './toDiagnostic';
import { errorDetail } from '../analysis/errorDetail';

/**
 * A slower source of diagnostics (another library's validation) that must never hold ours back: it runs
 * after our diagnostics for a version are published (and may run in another thread), and its result is
 * published merged with them.
 */
export interface FollowUpDiagnostics {
  readonly name: string;
  /** Whether the source runs for this server at all (the client may have turned it off). */
  isEnabled(): boolean;
  /**
   * The source's diagnostics for the document's current text. A source that works elsewhere (a worker
   * thread) may ask `stillWanted` before it starts and answer undefined when the answer is no longer needed.
   */
  compute(
    document: TextDocument,
    stillWanted: () => boolean,
  ): Diagnostic[] | Promise<Diagnostic[] | undefined>;
}

/** Diagnostics computed for one exact document version. */
interface VersionedDiagnostics {
  readonly version: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** The shortest quiet period before follow-up sources run, so a burst of keystrokes runs them once. */
const MIN_FOLLOW_UP_DELAY_MS = 30;
/** The longest wait, however slow the follow-up sources were last time. */
const MAX_FOLLOW_UP_DELAY_MS = 1_000;

/**
 * Analyses documents and publishes their diagnostics. Changes that arrive while settings are being read
 * coalesce: only the newest version of a document is analysed, and a result for a version that is no
 * longer current, or for a document that was closed meanwhile, is dropped rather than published.
 *
 * Our own rules publish first. Follow-up sources run once the document has been quiet for a moment (they
 * re-parse the whole text, so running them on every keystroke would spend a core on versions nobody
 * reads), for the version just published only; a newer version or a close cancels them. Their
 * result is then published together with ours for that same version, and reused while the version stays
 * current (a settings change republishes ours merged with it at once instead of dropping it).
 */
export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private readonly followUps: FollowUpDiagnostics[] = [];
  private readonly ours = new Map<string, VersionedDiagnostics>();
  private readonly theirs = new Map<string, VersionedDiagnostics>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly followUpCostMs = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly analyses: DocumentAnalyses,
  ) {}

  /** Adds a source whose diagnostics are published after ours, merged with them. */
  addFollowUp(source: FollowUpDiagnostics): void {
    this.followUps.push(source);
  }

  schedule(document: TextDocument): void {
    // Whatever follow-up work was waiting is for an older version (or older settings) now.
    this.cancelFollowUp(document.uri);
    if (this.pending.has(document.uri)) {
      return;
    }
    this.pending.add(document.uri);
    this.settings
      .get(document.uri)
      .then((settings) => {
        this.pending.delete(document.uri);
        const current = this.documents.get(document.uri);
        if (!current) {
          return;
        }
        const { result } = this.analyses.getSync(current, settings);
        for (const failure of result.failures) {
          this.connection.console.error(
            `Rule ${failure.ruleId} failed on ${current.uri}: ${failure.message}`,
          );
        }
        this.publishOurs(current, result.findings.map(toDiagnostic));
      })
      .catch((error: unknown) => {
        // Reading settings or analysing failed: the document keeps its last diagnostics and the next
        // change tries again, while the server goes on serving every other document.
        this.pending.delete(document.uri);
        this.connection.console.error(`Could not analyse ${document.uri}: ${errorDetail(error)}`);
      });
  }

  revalidateAll(): void {
    for (const document of this.documents.all()) {
      this.schedule(document);
    }
  }

  clear(uri: string): void {
    this.pending.delete(uri);
    this.cancelFollowUp(uri);
    this.ours.delete(uri);
    this.theirs.delete(uri);
    this.followUpCostMs.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private publishOurs(document: TextDocument, diagnostics: Diagnostic[]): void {
    const { uri, version } = document;
    this.ours.set(uri, { version, diagnostics });
    const active = this.followUps.filter((source) => source.isEnabled());
    const known = this.theirs.get(uri);
    if (active.length > 0 && known?.version === version) {
      this.send(uri, version, [...diagnostics, ...known.diagnostics]);
      return;
    }
    this.send(uri, version, diagnostics);
    if (active.length > 0) {
      this.scheduleFollowUp(uri, version, active);
    }
  }

  private scheduleFollowUp(uri: string, version: number, sources: FollowUpDiagnostics[]): void {
    const delay = Math.min(
      MAX_FOLLOW_UP_DELAY_MS,
      Math.max(MIN_FOLLOW_UP_DELAY_MS, 2 * (this.followUpCostMs.get(uri) ?? 0)),
    );
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.runFollowUp(uri, version, sources);
    }, delay);
    this.timers.set(uri, timer);
  }

  private runFollowUp(uri: string, version: number, sources: FollowUpDiagnostics[]): void {
    const document = this.documents.get(uri);
    if (!document || !this.isCurrent(uri, version)) {
      return;
    }
    const started = performance.now();
    const stillWanted = (): boolean => this.isCurrent(uri, version);
    const computed = sources.map(async (source) => {
      try {
        return (await source.compute(document, stillWanted)) ?? [];
      } catch (error) {
        this.connection.console.error(`${source.name} failed on ${uri}: ${errorDetail(error)}`);
        return [];
      }
    });
    void Promise.all(computed).then((results) => {
      const ours = this.ours.get(uri);
      // Only merge with our diagnostics for exactly this version; anything else would publish stale ones.
      if (!ours || !this.isCurrent(uri, version)) {
        return;
      }
      const diagnostics = results.flat();
      this.followUpCostMs.set(uri, performance.now() - started);
      this.theirs.set(uri, { version, diagnostics });
      this.send(uri, version, [...ours.diagnostics, ...diagnostics]);
    });
  }

  /**
   * Whether `version` is still what the document shows and what our published diagnostics are for, with no
   * newer analysis on its way.
   */
  private isCurrent(uri: string, version: number): boolean {
    return (
      this.documents.get(uri)?.version === version &&
      this.ours.get(uri)?.version === version &&
      !this.pending.has(uri)
    );
  }

  private cancelFollowUp(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.timers.delete(uri);
    }
  }

  private send(uri: string, version: number, diagnostics: readonly Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri, version, diagnostics: [...diagnostics] });
  }
}
