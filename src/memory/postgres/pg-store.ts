import type { Store } from '../store.js';
import type { SqlClient } from './sql-client.js';
import { PgChannelMemory } from './channel-repo.js';
import { PgTalent } from './talent-repo.js';
import { PgProjects, PgShortlists } from './project-repos.js';
import { PgAuditions } from './audition-repo.js';
import { PgConfirmations, PgInstallations, PgOnce } from './small-repos.js';
import { migrate } from './migrate.js';

/** The PostgreSQL store, over a real server (pg) or embedded PGlite: the same SQL for both. */
export class PgStore implements Store {
  readonly channels;
  readonly talent;
  readonly projects;
  readonly shortlists;
  readonly auditions;
  readonly confirmations;
  readonly installations;
  readonly once;

  private constructor(
    readonly kind: 'pglite' | 'postgres',
    private readonly db: SqlClient,
  ) {
    this.channels = new PgChannelMemory(db);
    this.talent = new PgTalent(db);
    this.projects = new PgProjects(db);
    this.shortlists = new PgShortlists(db);
    this.auditions = new PgAuditions(db);
    this.confirmations = new PgConfirmations(db);
    this.installations = new PgInstallations(db);
    this.once = new PgOnce(db);
  }

  /** Opens the store, creating or migrating the schema first. */
  static async open(kind: 'pglite' | 'postgres', db: SqlClient): Promise<PgStore> {
    await migrate(db);
    return new PgStore(kind, db);
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  async sweepExpired(before: Date): Promise<number> {
    let gone = 0;
    for (const table of ['channel_memory', 'confirmations', 'once_keys']) {
      const { rows } = await this.db.query<{ n: number }>(
        `WITH gone AS (DELETE FROM ${table} WHERE expires_at IS NOT NULL AND expires_at <= $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
        [before],
      );
      gone += Number(rows[0]?.n ?? 0);
    }
    return gone;
  }
  close(): Promise<void> {
    return this.db.close();
  }
}
