-- Metric collection (src/analytics/). Each published delivery is measured on a cadence that decays
-- with the post's age; `metrics_next_at` is when it is measured next: null until the first time
-- (a delivery published in the last 30 days is then due at once) and again once collection has
-- stopped (the post is older than 30 days, so it is not taken up again).

ALTER TABLE deliveries ADD COLUMN metrics_next_at timestamptz;
-- Failed collections in a row (network errors), for the backoff; 0 after a success.
ALTER TABLE deliveries ADD COLUMN metrics_failures integer NOT NULL DEFAULT 0;
CREATE INDEX deliveries_metrics_due_idx ON deliveries (metrics_next_at) WHERE state = 'published' AND metrics_next_at IS NOT NULL;
CREATE INDEX deliveries_metrics_new_idx ON deliveries (published_at) WHERE state = 'published' AND metrics_next_at IS NULL;

-- Per channel: when the account's followers are read next (daily), and until when the network
-- asked for no more metric calls (a 429's reset), which every worker honours.
CREATE TABLE channel_metrics_state (
  channel_id uuid PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
  followers_next_at timestamptz NOT NULL DEFAULT now(),
  blocked_until timestamptz,
  failures integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX channel_metrics_state_due_idx ON channel_metrics_state (followers_next_at);
