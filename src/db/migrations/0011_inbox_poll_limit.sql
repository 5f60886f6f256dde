-- A network's "wait until" for reading a channel's inbox (a rate-limited poll): "check now" must
-- not pull such a channel forward. Kept apart from failures so a plain back-off can be cut short.
ALTER TABLE inbox_cursors ADD COLUMN limited_until timestamptz;
