/**
 * Which room codes each address has shown it knows (a lookup or join that succeeded), for a
 * while. The failed-join limit exists to stop code guessing, so it need not stand between an
 * address and a room it already got into: a venue whose NAT also carries a few typos, or a
 * guesser, keeps letting its room's phones join and reconnect. This is no oracle for a guesser:
 * the pass is only for codes the address found while it was still allowed to try.
 */
export class KnownCodes {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly max = 100_000,
  ) {}

  remember(address: string, code: string): void {
    const key = `${address} ${code}`;
    // Re-inserted so the map's order stays oldest first, which pruning relies on.
    this.seen.delete(key);
    this.seen.set(key, this.now() + this.ttlMs);
    if (this.seen.size > this.max) this.prune();
  }

  knows(address: string, code: string | null): boolean {
    if (code === null) return false;
    const until = this.seen.get(`${address} ${code}`);
    return until !== undefined && until > this.now();
  }

  private prune(): void {
    const t = this.now();
    for (const [key, until] of this.seen) {
      if (until > t && this.seen.size <= this.max) break;
      this.seen.delete(key);
    }
  }
}
