/**
 * Bluesky (atproto) over XRPC, with an app password. Exactly-once publishing rests on the record
 * key: part i of a delivery is written at `rkey = deriveTid(idempotencyKey, i)`, so a retry can
 * only find the record it made before, never make a second one.
 *
 * `pdsUrl` is kept as the user gave it (https://bsky.social by default) rather than switched to
 * the PDS named in the session's DID document: bsky.social is an entryway that routes each call
 * to the account's own PDS, a self-hosted PDS is its own endpoint, and keeping the given URL keeps
 * the SSRF allow-list and the channel's settings predictable.
 */
import type { PublishedPart, PublishResult, Provider, ProviderContext, ReconcileOutcome } from '../contract.js';
import { deriveTid, isTid, MAX_DERIVED_PARTS } from '../../core/tid.js';
import { ProviderError } from '../provider-error.js';
import { checkContent } from './embeds.js';
import { buildRecord, createOrFind, getRecordRef, knownPart, parseAtUri, publishedPart, type Client, type StrongRef } from './posts.js';
import { BlueskySession, createSession, jwtScope, readCredentials } from './session.js';
import { createXrpc, isNotFound, toProviderError, XrpcError, type Xrpc } from './xrpc.js';
import { blueskyConnectSchema } from './connect.schema.js';
import { deleteOnBluesky, likeOnBluesky, listBlueskyInbox, replyOnBluesky } from './inbox.js';

export { fetchLinkPreview, LinkPreviewError, type LinkPreview } from './link-preview.js';

export const DEFAULT_PDS_URL = 'https://bsky.social';

function openClient(ctx: ProviderContext): Client {
  const xrpc = createXrpc(ctx.http, pdsUrlOf(ctx.settings), ctx.signal);
  return { xrpc, session: new BlueskySession(xrpc, readCredentials(ctx.credentials), (next) => ctx.saveCredentials(next)) };
}

function pdsUrlOf(settings: Record<string, unknown>): string {
  return typeof settings.pdsUrl === 'string' && settings.pdsUrl ? settings.pdsUrl : DEFAULT_PDS_URL;
}

export const blueskyProvider = {
  network: 'bluesky',
  connectSchema: blueskyConnectSchema,
  fetchesLinks: true,
  idempotentPublish: true,
  inboxKinds: ['reply', 'mention', 'quote'],

  /** Logs in with `{ handle, appPassword, pdsUrl? }` and returns the session to store. */
  async connect(input, http) {
    const handle = typeof input.handle === 'string' ? input.handle.trim().replace(/^@/, '') : '';
    const appPassword = typeof input.appPassword === 'string' ? input.appPassword.trim() : '';
    const pdsUrl = normalizePdsUrl(input.pdsUrl);
    if (!handle || !appPassword) throw new ProviderError('rejected', 'Enter the Bluesky handle and an app password');
    const xrpc = createXrpc(http, pdsUrl);
    const session = await createSession(xrpc, handle, appPassword).catch((err: unknown) => {
      if (err instanceof XrpcError && err.status >= 400 && err.status < 500 && err.status !== 429) {
        throw new ProviderError('rejected', `Bluesky refused the handle or app password: ${err.message}`, {
          networkMessage: err.message,
          status: err.status,
          cause: err,
        });
      }
      throw toProviderError(err, 'login');
    });
    if (jwtScope(session.accessJwt) === 'com.atproto.access') {
      throw new ProviderError(
        'rejected',
        'That is the account password; create an app password in Bluesky (Settings → Privacy and security → App passwords) and use it instead',
      );
    }
    const name = await displayName(xrpc, session.did, session.accessJwt);
    return {
      credentials: { did: session.did, handle: session.handle, accessJwt: session.accessJwt, refreshJwt: session.refreshJwt, appPassword },
      settings: { pdsUrl },
      account: {
        externalId: session.did,
        handle: session.handle,
        name: name ?? session.handle,
        profileUrl: `https://bsky.app/profile/${session.handle}`,
      },
    };
  },

  /** Publishes the post and its follow-ups as a reply chain, each part exactly once. */
  async publish(ctx, content) {
    checkKey(ctx.idempotencyKey, content.parts.length);
    checkContent(content);
    const client = openClient(ctx);
    try {
      await client.session.ensureFreshSession();
      const refs: StrongRef[] = [];
      const parts: PublishedPart[] = [];
      for (let i = 0; i < content.parts.length; i++) {
        const rkey = deriveTid(ctx.idempotencyKey, i);
        const known = await knownPart(client, ctx.previousParts?.[i]);
        const ref = known ?? (await createOrFind(client, rkey, await buildRecord(ctx, client, content, i, refs)));
        const part = publishedPart(client.session.handle, ref);
        refs.push(ref);
        parts.push(part);
        if (!known) await ctx.onPartPublished?.(i, part);
      }
      return { externalId: parts[0].externalId, url: parts[0].url, parts, detail: { did: client.session.did } };
    } catch (err) {
      throw toProviderError(err, 'publish');
    }
  },

  /**
   * Looks for every part at its derived rkey. `published` when all are there; `not_found` when the
   * post is missing or incomplete — publishing again with the same key is safe and completes it;
   * `unknown` when the PDS cannot be asked.
   */
  async reconcile(ctx, content): Promise<ReconcileOutcome> {
    checkKey(ctx.idempotencyKey, content.parts.length);
    const { xrpc, session } = openClient(ctx);
    try {
      const refs: (StrongRef | null)[] = [];
      for (let i = 0; i < content.parts.length; i++) refs.push(await getRecordRef(xrpc, session.did, deriveTid(ctx.idempotencyKey, i)));
      if (refs.some((ref) => ref === null)) return { status: 'not_found' };
      const parts = (refs as StrongRef[]).map((ref) => publishedPart(session.handle, ref));
      return { status: 'published', result: { externalId: parts[0].externalId, url: parts[0].url, parts } };
    } catch (err) {
      return { status: 'unknown', evidence: `Bluesky could not be asked: ${toProviderError(err, 'look-up').message}` };
    }
  },

  /** Deletes every part of a published thread, last first; a part already gone counts as deleted. */
  async deletePost(ctx, result: PublishResult) {
    const { xrpc, session } = openClient(ctx);
    const uris = result.parts.length > 0 ? result.parts.map((p) => p.externalId) : [result.externalId];
    try {
      await session.ensureFreshSession();
      for (const uri of uris.reverse()) {
        const { repo, collection, rkey } = parseAtUri(uri);
        await session
          .withAuth((auth) => xrpc('com.atproto.repo.deleteRecord', { body: { repo, collection, rkey }, auth }))
          .catch((err: unknown) => {
            if (!isNotFound(err)) throw err;
          });
      }
    } catch (err) {
      throw toProviderError(err, 'delete');
    }
  },

  describeSettings(settings) {
    return { pdsUrl: pdsUrlOf(settings) };
  },

  /** Replies, mentions and quotes from the notifications the PDS's AppView keeps (inbox.ts). */
  listInbox: (ctx, opts) => listBlueskyInbox(openClient(ctx), opts),
  /** A reply at the record key derived from the reply's own idempotency key. */
  replyTo: (ctx, item, content) => replyOnBluesky(ctx, openClient(ctx), item, content),
  likeItem: (ctx, item) => likeOnBluesky(openClient(ctx), item),
  /** Only this account's own posts (the replies Varde sent). */
  deleteItem: (ctx, item) => deleteOnBluesky(openClient(ctx), item),
} satisfies Provider;

/** A malformed key is a bug upstream; refuse it rather than let it look like a network failure. */
function checkKey(key: string, parts: number): void {
  if (!isTid(key)) throw new ProviderError('rejected', `The delivery's idempotency key is not a TID: ${key}`);
  if (parts > MAX_DERIVED_PARTS) throw new ProviderError('rejected', `A thread of ${parts} parts is too long`);
}

function normalizePdsUrl(value: unknown): string {
  if (value === undefined || value === null || value === '') return DEFAULT_PDS_URL;
  try {
    const url = new URL(String(value).trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
    return url.origin;
  } catch {
    throw new ProviderError('rejected', `The PDS URL ${String(value)} is not a web address like https://bsky.social`);
  }
}

/** The profile's display name, or null when the PDS or its app view does not answer. */
async function displayName(xrpc: Xrpc, did: string, auth: string): Promise<string | null> {
  try {
    const profile = await xrpc<{ displayName?: unknown }>('app.bsky.actor.getProfile', { params: { actor: did }, auth, timeoutMs: 5_000 });
    return typeof profile.displayName === 'string' && profile.displayName.trim() ? profile.displayName.trim() : null;
  } catch {
    return null;
  }
}
