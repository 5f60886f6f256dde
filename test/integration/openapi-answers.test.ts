/**
 * The OpenAPI document describes the answers of the routes the web app calls (its types are
 * generated from it): every JSON answer of the post, channel, media, auth, token, workspace, inbox,
 * team, notification, audit, account security and approval routes has a schema, dates are
 * date-time strings, and no schema has a place for a secret except the answers that show one once. A route that loses its response schema fails here, not silently in the web app's
 * types. The document does not depend on the database engine, so this runs on PGlite only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

type Schema = { type?: string | string[]; format?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; required?: string[] };
type Operation = { tags?: string[]; responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };

const ws = '/api/v1/workspaces/{workspaceId}';

/** Routes that answer with JSON, the status of their success, and fields their answer must describe. */
const DESCRIBED: Array<[method: string, path: string, status: string, fields: string[]]> = [
  ['post', `${ws}/posts/check`, '200', ['ok', 'problems', 'targets']],
  ['post', `${ws}/posts`, '201', ['id', 'status', 'content', 'deliveries']],
  ['get', `${ws}/posts`, '200', ['posts']],
  ['get', `${ws}/posts/{id}`, '200', ['id', 'status', 'approvalStatus', 'revision', 'content', 'scheduledAt', 'campaignId', 'deliveries', 'createdAt']],
  ['put', `${ws}/posts/{id}`, '200', ['deliveries']],
  ['post', `${ws}/posts/{id}/reschedule`, '200', ['deliveries']],
  ['post', `${ws}/posts/{id}/cancel`, '200', ['deliveries']],
  ['post', `${ws}/deliveries/{id}/retry`, '200', ['deliveries']],
  ['post', `${ws}/deliveries/{id}/resolve`, '200', ['deliveries']],
  ['post', `${ws}/deliveries/{id}/unpublish`, '200', ['deliveries']],
  ['get', `${ws}/channels`, '200', ['channels']],
  ['post', `${ws}/channels`, '201', ['id', 'network', 'status', 'schedule', 'secret']],
  ['get', `${ws}/channels/{id}`, '200', ['id', 'network', 'name', 'handle', 'status', 'settings', 'schedule']],
  ['patch', `${ws}/channels/{id}`, '200', ['id', 'name']],
  ['post', `${ws}/channels/{id}/reconnect`, '200', ['id', 'status']],
  ['put', `${ws}/channels/{id}/schedule`, '200', ['schedule']],
  ['get', `${ws}/channels/{id}/queue`, '200', ['timezone', 'upcoming', 'freeSlots']],
  ['get', `${ws}/channels/oauth/{state}`, '200', ['state', 'status', 'candidates']],
  ['post', `${ws}/channels/oauth/{state}/pick`, '201', ['channels']],
  ['post', `${ws}/media`, '201', ['id', 'mime', 'kind', 'size']],
  ['get', `${ws}/media`, '200', ['media']],
  ['get', `${ws}/media/{id}`, '200', ['id', 'mime', 'kind', 'size', 'width', 'height']],
  ['post', '/api/v1/auth/signup', '201', ['user', 'workspace']],
  ['post', '/api/v1/auth/login', '200', ['user']],
  ['get', '/api/v1/me', '200', ['user', 'workspaces', 'token']],
  ['get', `${ws}/tokens`, '200', ['tokens']],
  ['post', `${ws}/tokens`, '201', ['id', 'prefix', 'scopes', 'token']],
  ['get', '/api/v1/workspaces', '200', ['workspaces']],
  ['post', '/api/v1/workspaces', '201', ['id', 'name', 'role']],
  ['get', ws, '200', ['id', 'name', 'role', 'createdAt']],
  ['patch', ws, '200', ['id', 'name', 'role']],
  ['get', `${ws}/settings`, '200', ['approvals']],
  ['put', `${ws}/settings`, '200', ['approvals']],
  ['get', `${ws}/inbox/items`, '200', ['items', 'total', 'limit', 'offset']],
  ['get', `${ws}/inbox/items/{id}`, '200', ['id', 'kind', 'author', 'text', 'state', 'priorityLevel', 'snoozedUntil', 'tags', 'read']],
  ['patch', `${ws}/inbox/items/{id}`, '200', ['id', 'state']],
  ['get', `${ws}/inbox/items/{id}/conversation`, '200', ['conversationId', 'channel', 'actions', 'post', 'items', 'replies', 'notes']],
  ['post', `${ws}/inbox/items/bulk`, '200', ['changed', 'ids']],
  ['post', `${ws}/inbox/items/{id}/notes`, '201', ['id', 'itemId', 'author', 'body', 'createdAt']],
  ['get', `${ws}/inbox/unread-count`, '200', ['unread', 'open', 'mine']],
  ['get', `${ws}/inbox/sources`, '200', ['sources']],
  ['post', `${ws}/inbox/sync`, '200', ['channels']],
  ['post', `${ws}/inbox/items/{id}/reply`, '202', ['id', 'itemId', 'state', 'deliveryId', 'error']],
  ['post', `${ws}/inbox/items/{id}/hide`, '200', ['id', 'hidden']],
  ['post', `${ws}/inbox/items/{id}/like`, '200', ['id', 'liked']],
  ['post', `${ws}/inbox/items/{id}/delete`, '200', ['id', 'deletedOnNetwork']],
  ['post', `${ws}/inbox/replies/{id}/delete`, '200', ['id', 'state']],
  ['get', `${ws}/inbox/rules`, '200', ['rules']],
  ['post', `${ws}/inbox/rules`, '201', ['id', 'name', 'enabled', 'conditions', 'actions']],
  ['get', `${ws}/inbox/rules/{id}`, '200', ['id', 'conditions', 'actions']],
  ['put', `${ws}/inbox/rules/{id}`, '200', ['id', 'conditions', 'actions']],
  ['post', `${ws}/inbox/rules/dry-run`, '200', ['matched', 'of', 'message', 'sample']],
  ['get', `${ws}/inbox/saved-replies`, '200', ['savedReplies']],
  ['post', `${ws}/inbox/saved-replies`, '201', ['id', 'name', 'body']],
  ['put', `${ws}/inbox/saved-replies/{id}`, '200', ['id', 'name', 'body']],
  ['post', `${ws}/inbox/saved-replies/{id}/render`, '200', ['text']],
  ['get', `${ws}/inbox/settings`, '200', ['priorityKeywords']],
  ['put', `${ws}/inbox/settings`, '200', ['priorityKeywords']],
  ['get', `${ws}/members`, '200', ['members']],
  ['patch', `${ws}/members/{userId}`, '200', ['userId', 'role']],
  ['post', `${ws}/transfer-ownership`, '200', ['owner']],
  ['get', `${ws}/invitations`, '200', ['invitations']],
  ['post', `${ws}/invitations`, '201', ['id', 'role', 'expiresAt', 'url', 'token']],
  ['get', '/api/v1/invitations/{token}', '200', ['workspaceName', 'invitedBy', 'role', 'expiresAt']],
  ['post', '/api/v1/invitations/{token}/accept', '201', ['workspaceId', 'role', 'userId']],
  ['get', `${ws}/notifications`, '200', ['notifications']],
  ['get', '/api/v1/me/notification-settings', '200', ['email', 'inApp']],
  ['put', '/api/v1/me/notification-settings', '200', ['email', 'inApp']],
  ['get', `${ws}/audit`, '200', ['entries']],
  ['get', '/api/v1/me/sessions', '200', ['sessions']],
  ['post', '/api/v1/me/sessions/log-out-others', '200', ['loggedOut']],
  ['get', '/api/v1/me/totp', '200', ['enabled', 'since', 'recoveryCodesLeft']],
  ['post', '/api/v1/me/totp/setup', '200', ['secret', 'otpauthUrl']],
  ['post', '/api/v1/me/totp/enable', '200', ['enabled', 'recoveryCodes']],
  ['post', '/api/v1/me/totp/recovery-codes', '200', ['recoveryCodes']],
  ['post', '/api/v1/me/totp/disable', '200', ['enabled']],
  ['get', `${ws}/posts/{id}/reviews`, '200', ['reviews']],
  ['get', `${ws}/posts/{id}/comments`, '200', ['comments']],
];

/** The names of every string (or list of strings) anywhere in a schema, through arrays, unions and nested objects: where a secret could be. */
function stringFields(schema: Schema | undefined): string[] {
  if (!schema) return [];
  const isText = (s: Schema): boolean => s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string')) || Boolean(s.anyOf?.some(isText)) || Boolean(s.items && isText(s.items));
  const own = Object.entries(schema.properties ?? {}).flatMap(([name, s]) => [...(isText(s) ? [name] : []), ...stringFields(s)]);
  return [...own, ...stringFields(schema.items), ...(schema.anyOf ?? []).flatMap(stringFields)];
}

const SECRETS = ['token', 'tokenHash', 'token_hash', 'secret', 'totp_secret', 'totpSecret', 'passwordHash', 'password_hash', 'recoveryCodes', 'credentials'];

describe('the OpenAPI document', () => {
  let app: TestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    app = await createTestApp();
    const res = await app.api('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    paths = res.body.paths;
  });
  afterAll(async () => {
    await app?.close();
  });

  const answer = (method: string, path: string, status: string): Schema | undefined => paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;

  it.each(DESCRIBED)('describes the answer of %s %s (%s)', (method, path, status, fields) => {
    const schema = answer(method, path, status);
    expect(schema, `${method.toUpperCase()} ${path} has no ${status} response schema`).toBeDefined();
    expect(Object.keys(schema!.properties ?? {})).toEqual(expect.arrayContaining(fields));
  });

  it('describes a post’s deliveries and attempts, with dates as date-time strings', () => {
    const post = answer('get', `${ws}/posts/{id}`, '200')!;
    expect(post.properties!.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
    const delivery = post.properties!.deliveries.items!;
    expect(Object.keys(delivery.properties!)).toEqual(expect.arrayContaining(['id', 'channelId', 'state', 'dueAt', 'url', 'error', 'attempts']));
    expect(delivery.properties!.dueAt.anyOf).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'string', format: 'date-time' }), { type: 'null' }]));
    expect(Object.keys(delivery.properties!.attempts.items!.properties!)).toEqual(expect.arrayContaining(['number', 'startedAt', 'outcome', 'errorKind']));
  });

  it('has no place for credentials in a channel, and for a secret only in the answer to connecting', () => {
    const shown = [answer('get', `${ws}/channels/{id}`, '200')!, answer('get', `${ws}/channels`, '200')!.properties!.channels.items!, answer('post', `${ws}/channels/oauth/{state}/pick`, '201')!.properties!.channels.items!];
    for (const channel of shown) {
      expect(Object.keys(channel.properties!)).not.toContain('credentials');
      expect(Object.keys(channel.properties!)).not.toContain('secret');
    }
    const connected = answer('post', `${ws}/channels`, '201')!;
    expect(Object.keys(connected.properties!)).not.toContain('credentials');
    expect(connected.required).not.toContain('secret');
  });

  it('never describes a token’s secret except in the answer to creating it', () => {
    const listed = answer('get', `${ws}/tokens`, '200')!.properties!.tokens.items!;
    expect(Object.keys(listed.properties!)).not.toContain('token');
    expect(Object.keys(answer('get', '/api/v1/me', '200')!.properties!.user.properties!)).not.toContain('passwordHash');
  });

  it('describes inbox items with dates as date-time strings and the work fields the screens use', () => {
    const item = answer('get', `${ws}/inbox/items/{id}`, '200')!;
    expect(item.properties!.receivedAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(item.properties!.snoozedUntil.anyOf).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'string', format: 'date-time' }), { type: 'null' }]));
    expect(Object.keys(item.properties!)).not.toContain('raw');
    const conversation = answer('get', `${ws}/inbox/items/{id}/conversation`, '200')!;
    expect(Object.keys(conversation.properties!.replies.items!.properties!)).toEqual(expect.arrayContaining(['state', 'url', 'error', 'attempts', 'auto']));
  });

  it('shows a secret only in the answers that hand one over once', () => {
    const once: Record<string, string[]> = {
      [`post ${ws}/invitations 201`]: ['token'],
      ['post /api/v1/me/totp/setup 200']: ['secret'],
      ['post /api/v1/me/totp/enable 200']: ['recoveryCodes'],
      ['post /api/v1/me/totp/recovery-codes 200']: ['recoveryCodes'],
      [`post ${ws}/tokens 201`]: ['token'],
      [`post ${ws}/channels 201`]: ['secret'],
      [`post ${ws}/channels/{id}/reconnect 200`]: ['secret'],
      [`post ${ws}/review-links 201`]: ['token'],
    };
    const described = [...DESCRIBED.map(([m, p, s]) => `${m} ${p} ${s}`), `post ${ws}/review-links 201`];
    for (const key of described) {
      const [method, path, status] = key.split(' ');
      const names = stringFields(answer(method, path, status));
      const allowed = once[key] ?? [];
      const leaked = SECRETS.filter((s) => !allowed.includes(s) && names.includes(s));
      expect(leaked, `${key} describes ${leaked.join(', ')}`).toEqual([]);
    }
    expect(answer('get', '/api/v1/me/totp', '200')!.properties).not.toHaveProperty('secret');
    expect(answer('get', `${ws}/invitations`, '200')!.properties!.invitations.items!.properties).not.toHaveProperty('token');
    expect(answer('get', '/api/v1/invitations/{token}', '200')!.properties).not.toHaveProperty('token');
  });

  it('describes the audit log as JSON and as CSV, and the events stream as text/event-stream', () => {
    const audit = paths[`${ws}/audit`].get.responses['200'].content!;
    expect(Object.keys(audit)).toEqual(expect.arrayContaining(['application/json', 'text/csv']));
    expect(audit['application/json'].schema!.properties!.entries.items!.properties!.at).toMatchObject({ type: 'string', format: 'date-time' });
    expect(Object.keys(paths[`${ws}/events`].get.responses['200'].content!)).toEqual(['text/event-stream']);
  });
});
