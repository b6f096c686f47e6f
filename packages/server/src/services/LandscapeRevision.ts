import { countLandscapeWritesCommitted, getLandscapeRevision, type Queryable } from "@it-atlas/db";

/**
 * How long a known landscape revision is trusted without asking the database. Writes of this
 * process are seen at once; a write of another process on the same PostgreSQL is seen at
 * most this long (plus one query) later (ADR 0016).
 */
export const LANDSCAPE_RECHECK_MILLISECONDS = 1000;

interface Known {
  revision: number;
  /** `countLandscapeWritesCommitted()` when the query started. */
  writes: number;
  /** When the query started (its answer is at least this fresh). */
  checkedAt: number;
}

/**
 * The current `landscape_revision`, kept in memory instead of one query per request. It is
 * read again when this process committed a landscape write since (so the next read sees the
 * write), and otherwise at most every `recheckMilliseconds` (writes of other processes).
 * Concurrent callers share one query.
 */
export class LandscapeRevision {
  private known: Known | undefined;
  private pending: { writes: number; revision: Promise<number> } | undefined;
  private readonly recheckMilliseconds: number;
  private readonly now: () => number;

  private readonly read: (db: Queryable) => Promise<number>;
  private readonly countWrites: () => number;

  /**
   * `read` and `countWrites` default to the landscape revision; the OZG revision passes its
   * own pair (`getOzgRevision`, `countOzgWritesCommitted`) with the same semantics.
   */
  constructor(
    private readonly db: Queryable,
    options: {
      recheckMilliseconds?: number;
      now?: () => number;
      read?: (db: Queryable) => Promise<number>;
      countWrites?: () => number;
    } = {},
  ) {
    this.recheckMilliseconds = options.recheckMilliseconds ?? LANDSCAPE_RECHECK_MILLISECONDS;
    this.now = options.now ?? (() => performance.now());
    this.read = options.read ?? getLandscapeRevision;
    this.countWrites = options.countWrites ?? countLandscapeWritesCommitted;
  }

  /** The revision, from memory while it is known to be current. */
  async current(): Promise<number> {
    // Read before the query: a write committed after this point bumps the count again, so
    // the next call re-reads even if this query raced with that write.
    const writes = this.countWrites();
    const now = this.now();
    const known = this.known;
    if (known && known.writes === writes && now - known.checkedAt < this.recheckMilliseconds)
      return known.revision;
    if (this.pending?.writes === writes) return this.pending.revision;
    const revision = this.read(this.db).then((value) => {
      const latest = this.known;
      if (
        !latest ||
        latest.writes < writes ||
        (latest.writes === writes && latest.checkedAt <= now)
      )
        this.known = { revision: value, writes, checkedAt: now };
      return value;
    });
    const pending = { writes, revision };
    this.pending = pending;
    void revision
      .finally(() => {
        if (this.pending === pending) this.pending = undefined;
      })
      .catch(() => undefined);
    return revision;
  }
}
