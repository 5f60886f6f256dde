-- Networks: OAuth connect flows, per-instance app registrations (Mastodon), token expiry for
-- refresh-before-expiry, and metric snapshots per delivery and per channel.

ALTER TABLE channels ADD COLUMN token_expires_at timestamptz;
CREATE INDEX channels_token_expiry_idx ON channels (token_expires_at) WHERE token_expires_at IS NOT NULL;

-- One row per started OAuth dance; `state` is the random value sent to the network.
CREATE TABLE oauth_states (
  state text PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  network text NOT NULL,
  -- encrypted: { codeVerifier, instance?, reconnectChannelId? } while pending; candidates after the callback
  secret text NOT NULL,
  redirect_uri text NOT NULL,
  return_to text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'awaiting_pick', 'done', 'failed')),
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

-- Apps Varde registered itself, e.g. on each Mastodon server (POST /api/v1/apps).
CREATE TABLE network_apps (
  network text NOT NULL,
  instance text NOT NULL,
  credentials text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (network, instance)
);

CREATE TABLE delivery_metrics (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  delivery_id uuid NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
  collected_at timestamptz NOT NULL DEFAULT now(),
  -- normalised: { impressions, likes, comments, shares, saves, clicks } (null = not offered)
  metrics jsonb NOT NULL,
  -- the network's own names and values
  raw jsonb NOT NULL
);
CREATE INDEX delivery_metrics_idx ON delivery_metrics (delivery_id, collected_at DESC);

CREATE TABLE channel_metrics (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  collected_at timestamptz NOT NULL DEFAULT now(),
  followers integer,
  raw jsonb NOT NULL
);
CREATE INDEX channel_metrics_idx ON channel_metrics (channel_id, collected_at DESC);
