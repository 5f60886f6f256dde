-- Fewer writes per published delivery (bench/README.md): every delivery is updated twice while
-- publishing (claim, finish) and its attempt once, so each index and each full page costs twice.

-- Redundant: UNIQUE (post_id, channel_id) already serves lookups by post_id.
DROP INDEX IF EXISTS deliveries_post_idx;

-- Room on each page for the attempt's outcome, written right after the attempt started: the update
-- then stays on the page (a HOT update) instead of adding an entry to both indexes.
ALTER TABLE delivery_attempts SET (fillfactor = 60);
