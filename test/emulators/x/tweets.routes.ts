/**
 * X emulator: posts (create with X's validation and duplicate rule, delete, look up with metrics),
 * the user timeline, mentions, hidden replies, likes and direct messages.
 */
import twitterText from 'twitter-text';
import type { EmuRequest, Emulator } from '../kit.js';
import type { OAuthAuthority } from '../oauth.js';
import { authenticate, invalid, problem, takePostSlot, type StoredTweet, type XState } from './x.emulator.js';

const REPLY_SETTINGS = ['following', 'mentionedUsers', 'subscribers', 'verified'];
const DUPLICATE_WINDOW_MS = 24 * 3600_000;

/** A post in v2 shape with the fields asked for (`tweet.fields`). */
function shape(t: StoredTweet, state: XState, fields: string[], viewer: string) {
  const out: Record<string, unknown> = { id: t.id, text: t.text, edit_history_tweet_ids: [t.id] };
  if (fields.includes('created_at')) out.created_at = t.created_at;
  if (fields.includes('author_id')) out.author_id = t.author_id;
  if (fields.includes('conversation_id')) out.conversation_id = t.conversation_id;
  if (fields.includes('in_reply_to_user_id') && t.in_reply_to_user_id) out.in_reply_to_user_id = t.in_reply_to_user_id;
  if (fields.includes('referenced_tweets') && t.referenced_tweets?.length) out.referenced_tweets = t.referenced_tweets;
  if (fields.includes('attachments') && t.media_ids.length) out.attachments = { media_keys: t.media_ids.map((id) => state.media.get(id)?.media_key ?? `3_${id}`) };
  const replies = [...state.tweets.values()].filter((r) => r.referenced_tweets?.some((x) => x.type === 'replied_to' && x.id === t.id)).length;
  if (fields.includes('public_metrics')) {
    out.public_metrics = { retweet_count: t.metrics.retweet_count, reply_count: replies, like_count: t.likes.size, quote_count: t.metrics.quote_count, bookmark_count: t.metrics.bookmark_count, impression_count: t.metrics.impression_count };
  }
  if (fields.includes('non_public_metrics') && t.author_id === viewer) {
    out.non_public_metrics = { impression_count: t.metrics.impression_count, url_link_clicks: t.metrics.url_link_clicks, user_profile_clicks: 0 };
  }
  return out;
}

const fieldsOf = (req: EmuRequest) => (req.query['tweet.fields'] ?? '').split(',');

function validateCreate(state: XState, userId: string, body: any): string | null {
  const mediaIds: string[] = body.media?.media_ids ?? [];
  if (typeof body.text !== 'string' && mediaIds.length === 0 && !body.poll) return 'One of text, media or poll is required';
  if (typeof body.text === 'string' && twitterText.parseTweet(body.text).weightedLength > 280) return 'Your Tweet text is too long.';
  if (mediaIds.length > 4) return 'Your media IDs are invalid.';
  for (const id of mediaIds) {
    const m = state.media.get(id);
    if (!m || m.owner !== userId || m.state !== 'succeeded') return 'Your media IDs are invalid.';
  }
  const kinds = mediaIds.map((id) => state.media.get(id)!.category);
  if (kinds.length > 1 && kinds.some((k) => k !== 'tweet_image')) return 'A video or GIF must be the only media of a post';
  if (body.reply && !state.tweets.has(String(body.reply.in_reply_to_tweet_id))) return 'The post you are replying to does not exist';
  if (body.poll) {
    const opts = body.poll.options;
    if (!Array.isArray(opts) || opts.length < 2 || opts.length > 4 || opts.some((o: unknown) => typeof o !== 'string' || [...o].length > 25)) return 'poll.options must hold 2 to 4 choices of at most 25 characters';
    if (!(body.poll.duration_minutes >= 5 && body.poll.duration_minutes <= 10080)) return 'poll.duration_minutes must be from 5 to 10080';
    if (mediaIds.length) return 'A post cannot have both a poll and media';
  }
  if (body.reply_settings !== undefined && !REPLY_SETTINGS.includes(body.reply_settings)) return 'reply_settings is not a valid value';
  return null;
}

export function tweetRoutes(emu: Emulator, authority: OAuthAuthority, state: XState) {
  emu.route('POST', '/2/tweets', (req) => {
    const a = authenticate(authority, state, req, ['tweet.read', 'tweet.write', 'users.read']);
    if ('error' in a) return a.error;
    const slot = takePostSlot(state, a.user.id);
    if (slot.limited) return { ...problem(429, 'Too Many Requests', 'Too Many Requests'), headers: slot.headers };
    const body = req.body ?? {};
    const why = validateCreate(state, a.user.id, body);
    if (why) return { ...invalid(why), headers: slot.headers };
    const text: string = body.text ?? '';
    const now = Date.now();
    const duplicate = text && [...state.tweets.values()].some((t) => t.author_id === a.user.id && (t.submitted ?? t.text) === text && now - Date.parse(t.created_at) < DUPLICATE_WINDOW_MS);
    if (duplicate) return { ...problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.'), headers: slot.headers };
    const id = state.nextId();
    const parent = body.reply ? state.tweets.get(String(body.reply.in_reply_to_tweet_id)) : undefined;
    const mediaIds: string[] = body.media?.media_ids ?? [];
    // X shows attached media as a t.co link at the end of the text.
    const shown = mediaIds.length ? `${text}${text ? ' ' : ''}https://t.co/${id.slice(-10)}` : text;
    const t: StoredTweet = {
      id, text: shown, submitted: text, author_id: a.user.id, created_at: new Date(now).toISOString(), conversation_id: parent?.conversation_id ?? id,
      in_reply_to_user_id: parent?.author_id, referenced_tweets: parent ? [{ type: 'replied_to', id: parent.id }] : undefined,
      media_ids: mediaIds, poll: body.poll, reply_settings: body.reply_settings, hidden: false, likes: new Set(),
      metrics: { impression_count: 0, retweet_count: 0, quote_count: 0, bookmark_count: 0, url_link_clicks: 0 },
    };
    state.tweets.set(id, t);
    return { status: 201, headers: slot.headers, json: { data: { id, text: shown, edit_history_tweet_ids: [id] } } };
  });

  emu.route('DELETE', '/2/tweets/:id', (req) => {
    const a = authenticate(authority, state, req, ['tweet.read', 'tweet.write', 'users.read']);
    if ('error' in a) return a.error;
    const t = state.tweets.get(req.params.id);
    if (!t) return { status: 404, json: { errors: [{ message: 'Not Found' }], title: 'Not Found Error', type: 'https://api.twitter.com/2/problems/resource-not-found' } };
    if (t.author_id !== a.user.id) return problem(403, 'Forbidden', 'You are not allowed to delete this Tweet.');
    state.tweets.delete(t.id);
    return { json: { data: { deleted: true } } };
  });

  emu.route('GET', '/2/tweets', (req) => {
    const a = authenticate(authority, state, req, ['tweet.read', 'users.read']);
    if ('error' in a) return a.error;
    const ids = (req.query.ids ?? '').split(',').filter(Boolean);
    if (ids.length === 0 || ids.length > 100) return invalid('ids must hold 1 to 100 post ids');
    const found = ids.map((id) => state.tweets.get(id)).filter((t): t is StoredTweet => Boolean(t));
    return { json: { data: found.map((t) => shape(t, state, fieldsOf(req), a.user.id)) } };
  });

  emu.route('GET', '/2/users/:id/tweets', (req) => {
    const a = authenticate(authority, state, req, ['tweet.read', 'users.read']);
    if ('error' in a) return a.error;
    const max = Number(req.query.max_results ?? 10);
    if (!(max >= 5 && max <= 100)) return invalid('max_results must be from 5 to 100');
    const since = req.query.start_time ? Date.parse(req.query.start_time) : 0;
    const list = [...state.tweets.values()].filter((t) => t.author_id === req.params.id && Date.parse(t.created_at) >= since).sort((x, y) => (BigInt(y.id) > BigInt(x.id) ? 1 : -1)).slice(0, max);
    return { json: { data: list.length ? list.map((t) => shape(t, state, fieldsOf(req), a.user.id)) : undefined, meta: { result_count: list.length, newest_id: list[0]?.id, oldest_id: list.at(-1)?.id } } };
  });

  emu.route('GET', '/2/users/:id/mentions', (req) => {
    const a = authenticate(authority, state, req, ['tweet.read', 'users.read']);
    if ('error' in a) return a.error;
    const me = state.users.get(req.params.id);
    if (!me) return invalid('The user does not exist');
    const since = req.query.since_id ? BigInt(req.query.since_id) : 0n;
    const list = [...state.tweets.values()]
      .filter((t) => t.author_id !== me.id && BigInt(t.id) > since && (t.text.toLowerCase().includes(`@${me.username.toLowerCase()}`) || t.in_reply_to_user_id === me.id || t.referenced_tweets?.some((r) => r.type === 'quoted' && state.tweets.get(r.id)?.author_id === me.id)))
      .sort((x, y) => (BigInt(y.id) > BigInt(x.id) ? 1 : -1));
    const users = [...new Set(list.map((t) => t.author_id))].map((id) => state.users.get(id)).filter(Boolean).map((u) => ({ id: u!.id, username: u!.username, name: u!.name }));
    return { json: { ...(list.length ? { data: list.map((t) => shape(t, state, fieldsOf(req), a.user.id)), includes: { users } } : {}), meta: { result_count: list.length, ...(list.length ? { newest_id: list[0].id, oldest_id: list.at(-1)!.id } : {}) } } };
  });

  emu.route('PUT', '/2/tweets/:id/hidden', (req) => {
    const a = authenticate(authority, state, req, ['tweet.read', 'users.read', 'tweet.moderate.write']);
    if ('error' in a) return a.error;
    const t = state.tweets.get(req.params.id);
    const root = t && state.tweets.get(t.conversation_id);
    if (!t || !root || root.author_id !== a.user.id || t.id === root.id) return problem(403, 'Forbidden', 'You can only hide replies to conversations you started.');
    t.hidden = Boolean(req.body?.hidden);
    return { json: { data: { hidden: t.hidden } } };
  });

  emu.route('POST', '/2/users/:id/likes', (req) => {
    const a = authenticate(authority, state, req, ['tweet.read', 'users.read', 'like.write']);
    if ('error' in a) return a.error;
    if (req.params.id !== a.user.id) return problem(403, 'Forbidden', 'You are not permitted to perform this action.');
    const t = state.tweets.get(String(req.body?.tweet_id));
    if (!t) return invalid('The post does not exist');
    t.likes.add(a.user.id);
    return { json: { data: { liked: true } } };
  });

  emu.route('GET', '/2/dm_events', (req) => {
    const a = authenticate(authority, state, req, ['dm.read', 'tweet.read', 'users.read']);
    if ('error' in a) return a.error;
    const mine = state.dms.filter((d) => d.dm_conversation_id.split('-').includes(a.user.id)).sort((x, y) => (BigInt(y.id) > BigInt(x.id) ? 1 : -1));
    const users = [...new Set(mine.map((d) => d.sender_id))].map((id) => state.users.get(id)).filter(Boolean).map((u) => ({ id: u!.id, username: u!.username, name: u!.name }));
    return { json: { data: mine.map((d) => ({ id: d.id, event_type: 'MessageCreate', text: d.text, sender_id: d.sender_id, dm_conversation_id: d.dm_conversation_id, created_at: d.created_at })), includes: { users }, meta: { result_count: mine.length } } };
  });

  emu.route('POST', '/2/dm_conversations/:id/messages', (req) => {
    const a = authenticate(authority, state, req, ['dm.write', 'dm.read', 'tweet.read', 'users.read']);
    if ('error' in a) return a.error;
    if (!req.params.id.split('-').includes(a.user.id)) return problem(403, 'Forbidden', 'You are not a participant of this conversation.');
    if (typeof req.body?.text !== 'string' || !req.body.text) return invalid('text is required');
    const dm = { id: state.nextId(), text: req.body.text, sender_id: a.user.id, dm_conversation_id: req.params.id, created_at: new Date().toISOString() };
    state.dms.push(dm);
    return { status: 201, json: { data: { dm_conversation_id: dm.dm_conversation_id, dm_event_id: dm.id } } };
  });
}
