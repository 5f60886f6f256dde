-- Campaigns become usable (issue 4): a colour for the calendar, when it last changed, one name per
-- workspace (case-insensitive), and the lookup of a campaign's posts.
ALTER TABLE campaigns ADD COLUMN colour text CHECK (colour ~ '^#[0-9a-f]{6}$');
ALTER TABLE campaigns ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE UNIQUE INDEX campaigns_workspace_name_idx ON campaigns (workspace_id, lower(name));
CREATE INDEX posts_campaign_idx ON posts (campaign_id) WHERE campaign_id IS NOT NULL;
