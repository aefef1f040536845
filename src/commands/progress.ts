// The one place that opens the learner's progress. Quiz, exam and the home screen keep working on
// a store that cannot be opened (attempts are then kept in memory, with one warning line); drill,
// stats, export and import need it and stop with the store's own message.
import type { Pack } from "../content/index.js";
import { buildDeck, type DeckCard, dueCount } from "../srs/index.js";
import { writeLine, type CommandContext } from "../shell/context.js";
import { UserError } from "../shell/errors.js";
import { visible } from "../shell/sanitize.js";
import { defaultDataDir, MemoryProgress, type ProgressPort, StoreError } from "../store/index.js";
import { SqliteStore } from "../store/sqlite.js";

export function dataDirOf(ctx: CommandContext): string {
  return ctx.globals.dataDir ?? defaultDataDir();
}

/** Open the store or explain, in one line, why it cannot be used (exit 1). */
export function openStore(ctx: CommandContext): SqliteStore {
  try {
    return SqliteStore.open(dataDirOf(ctx));
  } catch (err) {
    if (err instanceof StoreError) throw new UserError(err.message, err.hint);
    throw err;
  }
}

/** A store whose dueCount knows the pack's cards, for the home screen. */
class DeckProgress implements ProgressPort {
  private readonly deck: DeckCard[];
  constructor(
    readonly store: SqliteStore,
    pack: Pack,
  ) {
    this.deck = buildDeck(pack);
  }
  recordAttempt = (a: Parameters<ProgressPort["recordAttempt"]>[0]) => this.store.recordAttempt(a);
  attempts = (limit?: number) => this.store.attempts(limit);
  dueCount(now: Date): number | undefined {
    return this.store.reviewCount() === 0 ? undefined : dueCount(this.deck, this.store.cardCache(), now.getTime());
  }
  close = () => this.store.close();
  get study() {
    return this.store;
  }
}

export function openProgress(ctx: CommandContext, pack: Pack): ProgressPort {
  try {
    return new DeckProgress(SqliteStore.open(dataDirOf(ctx)), pack);
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    writeLine(ctx.stderr, `cloudtrail-tutor: warning: ${visible(err.message)}; this session's results will not be saved (${err.hint})`);
    return new MemoryProgress();
  }
}
