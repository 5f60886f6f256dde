-- Security: sessions with a public id (listed and revoked by it), an optional TOTP second factor,
-- log-in throttling per account and per address, and the audit log.

ALTER TABLE sessions ADD COLUMN id uuid;
UPDATE sessions SET id = gen_random_uuid() WHERE id IS NULL;
ALTER TABLE sessions ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX sessions_id_idx ON sessions (id);

ALTER TABLE users ADD COLUMN totp_secret text;
ALTER TABLE users ADD COLUMN totp_enabled_at timestamptz;

-- Failed log-ins in the current window, per key ("account:<email>" or "address:<ip>").
CREATE TABLE login_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE audit_log (
  id uuid PRIMARY KEY,
  workspace_id uuid REFERENCES workspaces(id) ON DELETE CASCADE,
  actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  -- session | token | review_link | system
  actor_kind text NOT NULL,
  actor_token_id uuid,
  actor_session_id uuid,
  action text NOT NULL,
  summary text NOT NULL,
  subject_type text,
  subject_id text,
  status integer,
  ip text,
  detail jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_workspace_idx ON audit_log (workspace_id, created_at DESC);
