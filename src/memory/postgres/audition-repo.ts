import type { AuditionRepo } from '../store.js';
import type { AuditionRecord } from '../records.js';
import type { ConversationAddress } from '../address.js';
import type { SqlClient } from './sql-client.js';

interface AuditionRow {
  id: string;
  tenant: string;
  channel: string;
  project_id: string | null;
  role: string;
  talent_id: string;
  talent_name: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  status: AuditionRecord['status'];
  organizer: string;
  organizer_id: string | null;
  address: ConversationAddress | null;
  calendar_event_id: string | null;
  video_link: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS: Record<keyof Omit<AuditionRecord, 'id' | 'tenant'>, string> = {
  channel: 'channel',
  projectId: 'project_id',
  role: 'role',
  talentId: 'talent_id',
  talentName: 'talent_name',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  timeZone: 'time_zone',
  status: 'status',
  organizer: 'organizer',
  organizerId: 'organizer_id',
  address: 'address',
  calendarEventId: 'calendar_event_id',
  videoLink: 'video_link',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

function toAudition(r: AuditionRow): AuditionRecord {
  return {
    id: r.id,
    tenant: r.tenant,
    channel: r.channel,
    role: r.role,
    talentId: r.talent_id,
    talentName: r.talent_name,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    timeZone: r.time_zone,
    status: r.status,
    organizer: r.organizer,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    ...(r.project_id ? { projectId: r.project_id } : {}),
    ...(r.organizer_id ? { organizerId: r.organizer_id } : {}),
    ...(r.address ? { address: r.address } : {}),
    ...(r.calendar_event_id ? { calendarEventId: r.calendar_event_id } : {}),
    ...(r.video_link ? { videoLink: r.video_link } : {}),
  };
}

export class PgAuditions implements AuditionRepo {
  constructor(private readonly db: SqlClient) {}

  async insert(a: AuditionRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO auditions (id, tenant, channel, project_id, role, talent_id, talent_name, starts_at, ends_at,
         time_zone, status, organizer, organizer_id, address, calendar_event_id, video_link, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`,
      [
        a.id,
        a.tenant,
        a.channel,
        a.projectId ?? null,
        a.role,
        a.talentId,
        a.talentName,
        a.startsAt,
        a.endsAt,
        a.timeZone,
        a.status,
        a.organizer,
        a.organizerId ?? null,
        a.address ? JSON.stringify(a.address) : null,
        a.calendarEventId ?? null,
        a.videoLink ?? null,
        a.createdAt,
        a.updatedAt,
      ],
    );
  }

  async update(id: string, patch: Partial<Omit<AuditionRecord, 'id' | 'tenant'>>): Promise<AuditionRecord | undefined> {
    const entries = Object.entries(patch).filter(([k]) => k in COLUMNS);
    if (entries.length === 0) return this.get(id);
    const sets = entries.map(([k], i) => `${COLUMNS[k as keyof typeof COLUMNS]} = $${i + 2}`);
    const { rows } = await this.db.query<AuditionRow>(`UPDATE auditions SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, [
      id,
      ...entries.map(([k, v]) => (k === 'address' && v ? JSON.stringify(v) : (v ?? null))),
    ]);
    return rows[0] ? toAudition(rows[0]) : undefined;
  }

  async get(id: string): Promise<AuditionRecord | undefined> {
    const { rows } = await this.db.query<AuditionRow>('SELECT * FROM auditions WHERE id = $1', [id]);
    return rows[0] ? toAudition(rows[0]) : undefined;
  }

  async listBetween(tenant: string, from: Date, to: Date): Promise<AuditionRecord[]> {
    const { rows } = await this.db.query<AuditionRow>(
      `SELECT * FROM auditions WHERE tenant = $1 AND status = 'booked' AND starts_at < $3 AND ends_at > $2
       ORDER BY starts_at`,
      [tenant, from, to],
    );
    return rows.map(toAudition);
  }
}
