-- Teams: invitations, workspace settings (approval policy), approvals and reviews of posts,
-- internal comments, client review links, and e-mail notifications with per-kind opt-out.

ALTER TABLE workspaces ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb;

CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  email text,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'contributor', 'viewer')),
  token_hash text NOT NULL UNIQUE,
  invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
  revoked_at timestamptz
);
CREATE INDEX invitations_workspace_idx ON invitations (workspace_id);

-- A post waiting for approval never publishes: its deliveries wait in 'awaiting_approval'.
ALTER TABLE posts DROP CONSTRAINT posts_status_check;
ALTER TABLE posts ADD CONSTRAINT posts_status_check CHECK (status IN ('draft', 'awaiting_approval', 'scheduled', 'publishing', 'published', 'partially_failed', 'failed', 'needs_attention', 'cancelled', 'deleted'));
ALTER TABLE deliveries DROP CONSTRAINT deliveries_state_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_state_check CHECK (state IN ('draft', 'awaiting_approval', 'scheduled', 'queued', 'publishing', 'published', 'failed', 'needs_attention', 'cancelled', 'deleted'));
ALTER TABLE posts ADD COLUMN approval_status text NOT NULL DEFAULT 'not_required' CHECK (approval_status IN ('not_required', 'pending', 'approved', 'rejected'));
-- Bumped on every edit: approvals count only for the revision they saw.
ALTER TABLE posts ADD COLUMN revision integer NOT NULL DEFAULT 1;

CREATE TABLE post_reviews (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  revision integer NOT NULL,
  reviewer_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  reviewer_name text NOT NULL,
  via text NOT NULL CHECK (via IN ('member', 'review_link')),
  review_link_id uuid,
  decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
  comment text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX post_reviews_post_idx ON post_reviews (post_id, revision);

CREATE TABLE post_comments (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  author_name text NOT NULL,
  via text NOT NULL DEFAULT 'member' CHECK (via IN ('member', 'review_link')),
  body text NOT NULL,
  mentions uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX post_comments_post_idx ON post_comments (post_id, created_at);

CREATE TABLE review_links (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  name text NOT NULL,
  period_from timestamptz NOT NULL,
  period_to timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Notifications go to members; e-mail per kind can be switched off (unsubscribe links).
ALTER TABLE notifications ADD COLUMN user_id uuid REFERENCES users(id) ON DELETE CASCADE;
CREATE TABLE notification_settings (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  email boolean NOT NULL,
  PRIMARY KEY (user_id, kind)
);

CREATE TABLE email_outbox (
  id uuid PRIMARY KEY,
  -- set for notifications to a member: the sender adds an unsubscribe link for the kind
  user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  kind text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  available_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_outbox_due_idx ON email_outbox (available_at) WHERE sent_at IS NULL;
