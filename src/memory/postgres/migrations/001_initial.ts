/** The first schema: every table the store needs. Later changes are new numbered files, never edits. */
export const up = `
CREATE TABLE channel_memory (
  channel    text NOT NULL,
  field      text NOT NULL,
  value      jsonb NOT NULL,
  expires_at timestamptz,
  PRIMARY KEY (channel, field)
);
CREATE TABLE channel_turns (
  id      bigserial PRIMARY KEY,
  channel text NOT NULL,
  at      timestamptz NOT NULL,
  user_id text NOT NULL,
  text    text NOT NULL,
  skill   text
);
CREATE INDEX channel_turns_channel_idx ON channel_turns (channel, id DESC);
CREATE TABLE talent (
  tenant       text NOT NULL,
  id           text NOT NULL,
  profile      jsonb NOT NULL,
  content_hash text NOT NULL,
  vector       bytea,
  model        text,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE TABLE projects (
  id          text PRIMARY KEY,
  tenant      text NOT NULL,
  channel     text NOT NULL,
  title       text NOT NULL,
  source_file text NOT NULL,
  file_hash   text NOT NULL,
  roles       jsonb NOT NULL,
  breakdown   jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX projects_channel_hash_idx ON projects (channel, file_hash);
CREATE TABLE shortlists (
  id         text PRIMARY KEY,
  channel    text NOT NULL,
  project_id text,
  role       text NOT NULL,
  entries    jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE auditions (
  id                text PRIMARY KEY,
  tenant            text NOT NULL,
  channel           text NOT NULL,
  project_id        text,
  role              text NOT NULL,
  talent_id         text NOT NULL,
  talent_name       text NOT NULL,
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL,
  time_zone         text NOT NULL,
  status            text NOT NULL,
  organizer         text NOT NULL,
  calendar_event_id text,
  video_link        text,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX auditions_tenant_time_idx ON auditions (tenant, starts_at);
CREATE TABLE confirmations (
  id         text PRIMARY KEY,
  channel    text NOT NULL,
  user_id    text NOT NULL,
  skill      text NOT NULL,
  payload    jsonb NOT NULL,
  summary    text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE TABLE installations (
  platform   text NOT NULL,
  workspace  text NOT NULL,
  data       jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (platform, workspace)
);
CREATE TABLE once_keys (
  key        text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
`;
