// Editor state settles asynchronously (activation, the language server's first analysis, diagnostics
// arriving over LSP), so tests wait for a condition with a deadline instead of sleeping a fixed time.

export interface PollOptions {
  /** How long to wait before failing; generous because a cold extension host is slow on CI. */
  timeoutMs?: number;
  intervalMs?: number;
  /** Describes the state at the deadline, for the failure message: what was there instead. */
  explain?: () => string;
}

const defaultTimeoutMs = 30_000;
const defaultIntervalMs = 100;

/**
 * Calls `probe` until it returns something other than `undefined` and returns that value. A probe that
 * throws counts as "not yet"; its last error is reported if the deadline passes.
 */
export async function pollFor<T>(
  description: string,
  probe: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = defaultTimeoutMs, intervalMs = defaultIntervalMs, explain }: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `; the last attempt failed with: ${lastError.message}` : '';
      const state = explain === undefined ? '' : `\n${explain()}`;
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${cause}${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until `condition` holds. */
export async function pollUntil(
  description: string,
  condition: () => boolean | Promise<boolean>,
  options?: PollOptions,
): Promise<void> {
  await pollFor(description, async () => ((await condition()) ? true : undefined), options);
}
