/**
 * Bluesky post records: building one (text, facets, embed, reply refs), writing it exactly once
 * at a fixed record key, finding it again, and the addresses Varde keeps for it.
 */
import type { PublishContent, PublishedPart, ProviderContext } from '../contract.js';
import { ProviderError } from '../provider-error.js';
import { buildExternalEmbed, buildImagesEmbed, type BlobRef } from './embeds.js';
import { buildFacets } from './facets.js';
import type { BlueskySession } from './session.js';
import { isNotFound, XrpcError, type Xrpc } from './xrpc.js';

export const POST = 'app.bsky.feed.post';

/** A record's address and content hash: what replies and embeds point to. */
export interface StrongRef {
  uri: string;
  cid: string;
}

export interface Client {
  xrpc: Xrpc;
  session: BlueskySession;
}

/** A part an earlier attempt reported, with its cid looked up when it was not kept. */
export async function knownPart(client: Client, previous: PublishedPart | undefined): Promise<StrongRef | null> {
  if (!previous) return null;
  const uri = typeof previous.ref?.uri === 'string' ? previous.ref.uri : previous.externalId;
  if (typeof previous.ref?.cid === 'string' && uri) return { uri, cid: previous.ref.cid };
  const { repo, rkey } = parseAtUri(uri);
  return getRecordRef(client.xrpc, repo, rkey);
}

/** The `app.bsky.feed.post` record for part `index`: images, or on the first part a link card. */
export async function buildRecord(
  ctx: ProviderContext,
  client: Client,
  content: PublishContent,
  index: number,
  earlier: StrongRef[],
): Promise<Record<string, unknown>> {
  const part = content.parts[index];
  const upload = (bytes: Uint8Array, mime: string) =>
    client.session
      .withAuth((auth) => client.xrpc<{ blob: BlobRef }>('com.atproto.repo.uploadBlob', { body: bytes, contentType: mime, auth, timeoutMs: 60_000 }))
      .then((res) => res.blob);
  const facets = await buildFacets(part.text, (handle) => resolveHandle(client.xrpc, handle));
  let embed: unknown;
  if (part.media.length > 0) embed = await buildImagesEmbed(part.media, upload);
  else if (index === 0 && content.link) embed = await buildExternalEmbed(ctx.http, content.link, upload, ctx.signal);
  return {
    $type: POST,
    text: part.text,
    createdAt: new Date().toISOString(),
    ...(facets.length > 0 ? { facets } : {}),
    ...(embed ? { embed } : {}),
    ...(index > 0 ? { reply: { root: earlier[0], parent: earlier[index - 1] } } : {}),
  };
}

/** The DID behind a handle, or null when the PDS cannot resolve it (400 from resolveHandle). */
async function resolveHandle(xrpc: Xrpc, handle: string): Promise<string | null> {
  try {
    const res = await xrpc<{ did?: unknown }>('com.atproto.identity.resolveHandle', { params: { handle } });
    return typeof res.did === 'string' ? res.did : null;
  } catch (err) {
    if (err instanceof XrpcError && err.status === 400) return null;
    throw err;
  }
}

/**
 * Creates the record at `rkey`, or finds the one an earlier attempt created there. A PDS answers
 * a create on an existing rkey with a bare 500, so any 5xx, conflict, or possibly-delivered network
 * failure is followed by a look-up; only when the record is not there does the error stand.
 */
export async function createOrFind(client: Client, rkey: string, record: Record<string, unknown>): Promise<StrongRef> {
  const { xrpc, session } = client;
  try {
    const res = await session.withAuth((auth) =>
      xrpc<StrongRef>('com.atproto.repo.createRecord', {
        body: { repo: session.did, collection: POST, rkey, validate: true, record },
        auth,
      }),
    );
    return { uri: res.uri, cid: res.cid };
  } catch (err) {
    if (!mayAlreadyExist(err)) throw err;
    const existing = await getRecordRef(xrpc, session.did, rkey).catch(() => null);
    if (existing) return existing;
    throw err;
  }
}

function mayAlreadyExist(err: unknown): boolean {
  if (err instanceof XrpcError) {
    return err.status >= 500 || err.status === 409 || /already ?exists/i.test(`${err.error} ${err.message}`);
  }
  return !(err instanceof ProviderError); // network failures: the create may have happened
}

export async function getRecordRef(xrpc: Xrpc, repo: string, rkey: string): Promise<StrongRef | null> {
  try {
    const res = await xrpc<StrongRef>('com.atproto.repo.getRecord', { params: { repo, collection: POST, rkey } });
    return { uri: res.uri, cid: res.cid };
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export function publishedPart(handle: string, ref: StrongRef): PublishedPart {
  const { rkey } = parseAtUri(ref.uri);
  return { externalId: ref.uri, url: `https://bsky.app/profile/${handle}/post/${rkey}`, ref: { uri: ref.uri, cid: ref.cid } };
}

export function parseAtUri(uri: string): { repo: string; collection: string; rkey: string } {
  const m = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/.exec(uri);
  if (!m) throw new ProviderError('rejected', `Not a Bluesky record address: ${uri}`);
  return { repo: m[1], collection: m[2], rkey: m[3] };
}
