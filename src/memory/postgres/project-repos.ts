import type { ProjectRepo, ShortlistRepo } from '../store.js';
import type { ProjectRecord, RoleRecord, ShortlistEntry, ShortlistRecord } from '../records.js';
import type { SqlClient } from './sql-client.js';

interface ProjectRow {
  id: string;
  tenant: string;
  channel: string;
  title: string;
  source_file: string;
  file_hash: string;
  roles: RoleRecord[];
  breakdown: Record<string, unknown>;
  created_at: Date;
}

const toProject = (r: ProjectRow): ProjectRecord => ({
  id: r.id,
  tenant: r.tenant,
  channel: r.channel,
  title: r.title,
  sourceFile: r.source_file,
  fileHash: r.file_hash,
  roles: r.roles,
  breakdown: r.breakdown,
  createdAt: new Date(r.created_at),
});

export class PgProjects implements ProjectRepo {
  constructor(private readonly db: SqlClient) {}

  async save(p: ProjectRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO projects (id, tenant, channel, title, source_file, file_hash, roles, breakdown, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, roles = EXCLUDED.roles, breakdown = EXCLUDED.breakdown`,
      [p.id, p.tenant, p.channel, p.title, p.sourceFile, p.fileHash, JSON.stringify(p.roles), JSON.stringify(p.breakdown), p.createdAt],
    );
  }

  async get(id: string): Promise<ProjectRecord | undefined> {
    const { rows } = await this.db.query<ProjectRow>('SELECT * FROM projects WHERE id = $1', [id]);
    return rows[0] ? toProject(rows[0]) : undefined;
  }

  async findByFileHash(channel: string, fileHash: string): Promise<ProjectRecord | undefined> {
    const { rows } = await this.db.query<ProjectRow>(
      'SELECT * FROM projects WHERE channel = $1 AND file_hash = $2 ORDER BY created_at DESC LIMIT 1',
      [channel, fileHash],
    );
    return rows[0] ? toProject(rows[0]) : undefined;
  }
}

interface ShortlistRow {
  id: string;
  channel: string;
  project_id: string | null;
  role: string;
  entries: ShortlistEntry[];
  created_at: Date;
}

export class PgShortlists implements ShortlistRepo {
  constructor(private readonly db: SqlClient) {}

  async save(s: ShortlistRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO shortlists (id, channel, project_id, role, entries, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET entries = EXCLUDED.entries`,
      [s.id, s.channel, s.projectId ?? null, s.role, JSON.stringify(s.entries), s.createdAt],
    );
  }

  async get(id: string): Promise<ShortlistRecord | undefined> {
    const { rows } = await this.db.query<ShortlistRow>('SELECT * FROM shortlists WHERE id = $1', [id]);
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: r.id,
      channel: r.channel,
      role: r.role,
      entries: r.entries,
      createdAt: new Date(r.created_at),
      ...(r.project_id ? { projectId: r.project_id } : {}),
    };
  }
}
