/**
 * When the language server dies, restart it, unless it keeps dying: more than `maxRestarts` deaths within
 * `windowMs` means something is wrong that a restart will not cure, and the user is told instead.
 *
 * Write errors on the connection never stop the client by themselves. A killed server makes every pending
 * write fail (`EPIPE`) before the process exit is seen, and vscode-languageclient's default handler shuts the
 * client down after three such errors, leaving the editor without diagnostics. The close event that follows
 * every dead connection is where the decision is made.
 */
export class RestartPolicy {
  private readonly deaths: number[] = [];

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called when the connection closed: whether to start the server again. */
  onClosed(): 'restart' | 'stop' {
    const time = this.now();
    this.deaths.push(time);
    while (this.deaths.length > 0 && time - this.deaths[0] > this.windowMs) {
      this.deaths.shift();
    }
    return this.deaths.length <= this.maxRestarts ? 'restart' : 'stop';
  }
}
