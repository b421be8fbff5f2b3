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
  close(): Promise<void> {
    return this.db.close();
  }
}
