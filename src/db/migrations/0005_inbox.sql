-- The unified inbox: comments, replies, mentions, quotes and messages from every channel, stored
-- once per (channel, network id) whether they arrive by webhook or by poll; their work state,
-- tags, notes and rules; poll cursors; saved replies. Replies go out through the publishing
-- pipeline: a reply is a post of kind 'reply' whose one delivery carries the item it answers.

ALTER TABLE posts ADD COLUMN kind text NOT NULL DEFAULT 'post' CHECK (kind IN ('post', 'reply'));
ALTER TABLE deliveries ADD COLUMN reply_to jsonb;
-- Items are linked to the Varde post they answer through the delivery's network id.
CREATE INDEX deliveries_external_idx ON deliveries (channel_id, external_id) WHERE external_id IS NOT NULL;
-- Webhooks name the account (Page, bot chat, user id) an event is for: its channels, in every workspace.
CREATE INDEX channels_account_idx ON channels (network, external_id);

CREATE TABLE inbox_items (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  network text NOT NULL,
  external_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('comment', 'reply', 'mention', 'quote', 'message')),
  conversation_id text NOT NULL,
  parent_external_id text,
  post_external_id text,
  -- the Varde post this answers, when there is one
  post_id uuid REFERENCES posts(id) ON DELETE SET NULL,
  author_id text NOT NULL,
  author_handle text,
  author_name text,
  author_avatar_url text,
  author_url text,
  author_followers integer,
  text text NOT NULL,
  url text,
  raw jsonb,
  -- when it was written, by the network's clock
  created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL CHECK (source IN ('webhook', 'poll')),
  -- ISO 639-3 ('und' when too short to tell); non-English text is 'unscored', never scored wrongly
  language text NOT NULL DEFAULT 'und',
  sentiment text NOT NULL DEFAULT 'unscored' CHECK (sentiment IN ('positive', 'neutral', 'negative', 'unscored')),
  sentiment_score real,
  priority integer NOT NULL DEFAULT 0,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'assigned', 'done')),
  assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
  snoozed_until timestamptz,
  tags text[] NOT NULL DEFAULT '{}',
  read_at timestamptz,
  hidden boolean NOT NULL DEFAULT false,
  liked_at timestamptz,
  -- removed from the network by Varde
  deleted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, text || ' ' || coalesce(author_name, '') || ' ' || coalesce(author_handle, ''))
  ) STORED,
  UNIQUE (channel_id, external_id)
);
CREATE INDEX inbox_items_list_idx ON inbox_items (workspace_id, created_at DESC);
CREATE INDEX inbox_items_conversation_idx ON inbox_items (channel_id, conversation_id, created_at);
-- live updates read what changed since a moment
CREATE INDEX inbox_items_updated_idx ON inbox_items (workspace_id, updated_at);
CREATE INDEX inbox_items_post_idx ON inbox_items (post_id) WHERE post_id IS NOT NULL;
CREATE INDEX inbox_items_search_idx ON inbox_items USING gin (search);

CREATE TABLE inbox_notes (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
  author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbox_notes_item_idx ON inbox_notes (item_id, created_at);

CREATE TABLE inbox_rules (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  -- { keywords?, sentiments?, networks?, kinds?, channelIds?, authors? }: all given must match
  conditions jsonb NOT NULL,
  -- { tags?, assignTo?, hide?, autoReply?: { text, maxPerHour } }
  actions jsonb NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbox_rules_workspace_idx ON inbox_rules (workspace_id);

-- Replies sent from the inbox: each one a post of kind 'reply' with one delivery.
CREATE TABLE inbox_replies (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
  post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  delivery_id uuid NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  rule_id uuid REFERENCES inbox_rules(id) ON DELETE SET NULL,
  -- the caller's Idempotency-Key: the same request sent twice makes one reply
  client_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, client_key)
);
CREATE INDEX inbox_replies_item_idx ON inbox_replies (item_id);
CREATE INDEX inbox_replies_rule_idx ON inbox_replies (rule_id, created_at) WHERE rule_id IS NOT NULL;

-- A rule auto-replies at most once per author per conversation (whichever rule comes first).
CREATE TABLE inbox_auto_replies (
  channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  conversation_id text NOT NULL,
  author_id text NOT NULL,
  rule_id uuid REFERENCES inbox_rules(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, conversation_id, author_id)
);

-- Network calls decided by rules (hide, auto-reply), done by the workers after the item is stored.
CREATE TABLE inbox_actions (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES inbox_items(id) ON DELETE CASCADE,
  rule_id uuid REFERENCES inbox_rules(id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('hide', 'auto_reply')),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  outcome text,
  last_error text,
  done_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbox_actions_due_idx ON inbox_actions (available_at) WHERE done_at IS NULL;

-- Polling: one row per channel whose network is read by polling; claimed with SKIP LOCKED.
CREATE TABLE inbox_cursors (
  channel_id uuid PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
  cursor text,
  next_poll_at timestamptz NOT NULL DEFAULT now(),
  failures integer NOT NULL DEFAULT 0,
  last_polled_at timestamptz,
  last_error text
);
CREATE INDEX inbox_cursors_due_idx ON inbox_cursors (next_poll_at);

CREATE TABLE inbox_settings (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  -- words that raise an item's priority ("refund", "broken"…)
  priority_keywords text[] NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE saved_replies (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  body text NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);
