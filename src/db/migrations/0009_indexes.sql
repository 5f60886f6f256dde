-- Indexes for reads that ran on every tick without one.

-- Live updates (src/events): once a second, per watched workspace, the deliveries and posts
-- changed since a moment a few seconds back. Without these each tick read every row of the
-- workspace (posts) or of the table (deliveries). inbox_items has had its own since 0005.
CREATE INDEX IF NOT EXISTS deliveries_updated_idx ON deliveries (workspace_id, updated_at);
CREATE INDEX IF NOT EXISTS posts_updated_idx ON posts (workspace_id, updated_at);

-- rollupUnsettledPosts (src/posts/posts.repository.ts), every minute in every worker: the posts
-- still scheduled or publishing, across workspaces (posts_workspace_status_idx leads with the
-- workspace). Partial: published and failed posts, the bulk of the table over time, are left out.
CREATE INDEX IF NOT EXISTS posts_unsettled_idx ON posts (id) WHERE status IN ('scheduled', 'publishing');
