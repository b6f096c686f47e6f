/**
 * How often crashed server processes are started again: at most `limit` restarts within
 * `windowMs`. A process that keeps crashing (bad configuration, port taken, database gone)
 * stops the whole server instead of restarting forever (ADR 0018).
 */
export class RestartBudget {
  private readonly restarts: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Takes one restart at `now` (ms); false when the budget of the window is used up. */
  take(now: number): boolean {
    while (this.restarts.length > 0 && this.restarts[0]! <= now - this.windowMs) {
      this.restarts.shift();
    }
    if (this.restarts.length >= this.limit) return false;
    this.restarts.push(now);
    return true;
  }
}
