/**
 * Reading Bluesky back: replies, mentions and quotes from `app.bsky.notification.listNotifications`
 * (which the PDS proxies to its AppView — bsky.social's, or the one a self-hosted PDS names), with
 * the authors' follower counts from `app.bsky.actor.getProfiles`; replying at a record key derived
 * from the reply's own idempotency key (a retry finds the reply, never makes a second one); liking;
 * deleting this account's own replies. Hiding is not offered.
 *
 * Notifications come newest first and their `cursor` pages towards older ones, so the stored poll
 * cursor is not Bluesky's: it is the newest `indexedAt` seen. Each poll reads pages from the newest
 * until it reaches what it saw before (at most MAX_PAGES); the first poll takes one page. An
 * AppView may index a post after a newer one (its time is the post's own when that is earlier),
 * so each poll looks LOOKBACK_MS further back than the cursor: what it sees again is stored once.
 */
import type { ContentPart, InboxItem, InboxKind, InboxPage, ProviderContext, PublishedPart } from '../contract.js';
import { createTid, deriveTid, isTid } from '../../core/tid.js';
import { ProviderError } from '../provider-error.js';
import { buildRecord, createOrFind, getRecordRef, parseAtUri, publishedPart, type Client, type StrongRef } from './posts.js';
import { isNotFound, toProviderError } from './xrpc.js';

const KINDS: InboxKind[] = ['reply', 'mention', 'quote'];
const PAGE_SIZE = 50;
const MAX_PAGES = 5;
const LOOKBACK_MS = 10 * 60_000;

interface Notification {
  uri: string;
  cid: string;
  reason: string;
  reasonSubject?: string;
  indexedAt: string;
  author: { did: string; handle: string; displayName?: string; avatar?: string };
  record: { text?: string; createdAt?: string; reply?: { root: StrongRef; parent: StrongRef }; embed?: Record<string, any> };
}

/** New replies, mentions and quotes since the cursor (the newest `indexedAt` seen). */
export async function listBlueskyInbox(client: Client, opts: { cursor?: string | null; kinds?: InboxKind[] }): Promise<InboxPage> {
  const since = opts.cursor ?? null;
  const from = since ? new Date(Date.parse(since) - LOOKBACK_MS).toISOString() : null;
  const wanted = new Set((opts.kinds ?? KINDS).filter((k) => KINDS.includes(k)));
  const fresh: Notification[] = [];
  let page: string | undefined;
  try {
    await client.session.ensureFreshSession();
    for (let i = 0; i < (since ? MAX_PAGES : 1); i++) {
      const res = await client.session.withAuth((auth) =>
        client.xrpc<{ notifications: Notification[]; cursor?: string }>('app.bsky.notification.listNotifications', { params: { limit: PAGE_SIZE, cursor: page }, auth }),
      );
      const newer = res.notifications.filter((n) => !from || n.indexedAt > from);
      fresh.push(...newer);
      if (newer.length < res.notifications.length || !res.cursor) break;
      page = res.cursor;
    }
    const relevant = fresh.filter((n) => wanted.has(n.reason as InboxKind) && n.author.did !== client.session.did);
    const followers = await followerCounts(client, relevant.map((n) => n.author.did));
    const newest = fresh.reduce<string | null>((max, n) => (!max || n.indexedAt > max ? n.indexedAt : max), since);
    return { items: relevant.map((n) => toItem(n, client.session.did, followers.get(n.author.did))), cursor: newest };
  } catch (err) {
    throw toProviderError(err, 'inbox read');
  }
}

/** Follower counts by DID (25 per call); missing when the AppView does not answer. */
async function followerCounts(client: Client, dids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(dids)];
  for (let i = 0; i < unique.length; i += 25) {
    const actors = unique.slice(i, i + 25);
    const query = actors.map((a) => `actors=${encodeURIComponent(a)}`).join('&');
    try {
      const res = await client.session.withAuth((auth) => client.xrpc<{ profiles: { did: string; followersCount?: number }[] }>(`app.bsky.actor.getProfiles?${query}`, { auth, timeoutMs: 10_000 }));
      for (const p of res.profiles) if (typeof p.followersCount === 'number') out.set(p.did, p.followersCount);
    } catch {
      return out; // reach is a nicety: the items matter more
    }
  }
  return out;
}

function quotedUri(embed: Record<string, any> | undefined): string | null {
  const uri = embed?.record?.uri ?? embed?.record?.record?.uri;
  return typeof uri === 'string' ? uri : null;
}

function toItem(n: Notification, me: string, followers: number | undefined): InboxItem {
  const reply = n.record.reply;
  const ours = (uri: string | undefined) => Boolean(uri && uri.startsWith(`at://${me}/`));
  const quoted = n.reason === 'quote' ? quotedUri(n.record.embed) : null;
  const answered = ours(reply?.root.uri) ? reply!.root.uri : ours(reply?.parent.uri) ? reply!.parent.uri : quoted;
  const root = reply?.root ?? { uri: n.uri, cid: n.cid };
  return {
    externalId: n.uri,
    kind: n.reason as InboxKind,
    // Replies thread under the post they answer; quotes and mentions under what they quote or start.
    conversationId: quoted && !reply ? quoted : root.uri,
    parentExternalId: reply?.parent.uri ?? quoted,
    postExternalId: answered,
    author: { id: n.author.did, handle: n.author.handle, name: n.author.displayName ?? null, avatarUrl: n.author.avatar ?? null, url: `https://bsky.app/profile/${n.author.handle}`, followers: followers ?? null },
    text: n.record.text ?? '',
    createdAt: new Date(n.record.createdAt ?? n.indexedAt).toISOString(),
    url: `https://bsky.app/profile/${n.author.handle}/post/${parseAtUri(n.uri).rkey}`,
    raw: { uri: n.uri, cid: n.cid, root, indexedAt: n.indexedAt },
  };
}

/** The item's own strong ref, and its thread's root (kept by listBlueskyInbox, else looked up). */
async function refsOf(client: Client, item: InboxItem): Promise<{ parent: StrongRef; root: StrongRef }> {
  const raw = item.raw ?? {};
  let parent: StrongRef | null = typeof raw.cid === 'string' ? { uri: item.externalId, cid: raw.cid } : null;
  if (!parent) {
    const { repo, rkey } = parseAtUri(item.externalId);
    parent = await getRecordRef(client.xrpc, repo, rkey);
    if (!parent) throw new ProviderError('rejected', 'The post being answered no longer exists on Bluesky');
  }
  const root = raw.root as StrongRef | undefined;
  return { parent, root: root?.uri && root.cid ? root : parent };
}

/** A reply in the item's thread, at `rkey = deriveTid(idempotencyKey, 0)`: exactly once. */
export async function replyOnBluesky(ctx: ProviderContext, client: Client, item: InboxItem, content: ContentPart): Promise<PublishedPart> {
  if (!isTid(ctx.idempotencyKey)) throw new ProviderError('rejected', `The reply's idempotency key is not a TID: ${ctx.idempotencyKey}`);
  try {
    await client.session.ensureFreshSession();
    const { parent, root } = await refsOf(client, item);
    const record = await buildRecord(ctx, client, { parts: [content], link: null, meta: { postId: '', deliveryId: '', dueAt: null } }, 0, []);
    const ref = await createOrFind(client, deriveTid(ctx.idempotencyKey, 0), { ...record, reply: { root, parent } });
    return publishedPart(client.session.handle, ref);
  } catch (err) {
    throw toProviderError(err, 'reply');
  }
}

export async function likeOnBluesky(client: Client, item: InboxItem): Promise<void> {
  try {
    await client.session.ensureFreshSession();
    const { parent } = await refsOf(client, item);
    const record = { $type: 'app.bsky.feed.like', subject: parent, createdAt: new Date().toISOString() };
    await client.session.withAuth((auth) => client.xrpc('com.atproto.repo.createRecord', { body: { repo: client.session.did, collection: 'app.bsky.feed.like', rkey: createTid(), record }, auth }));
  } catch (err) {
    throw toProviderError(err, 'like');
  }
}

/** Deletes a post of this account (a reply Varde sent); anyone else's post is theirs to delete. */
export async function deleteOnBluesky(client: Client, item: InboxItem): Promise<void> {
  const { repo, collection, rkey } = parseAtUri(item.externalId);
  if (repo !== client.session.did) throw new ProviderError('rejected', 'Bluesky lets Varde delete only posts of this account, such as the replies it sent');
  try {
    await client.session.ensureFreshSession();
    await client.session.withAuth((auth) => client.xrpc('com.atproto.repo.deleteRecord', { body: { repo, collection, rkey }, auth })).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  } catch (err) {
    throw toProviderError(err, 'delete');
  }
}
