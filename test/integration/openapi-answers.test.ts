/**
 * The OpenAPI document describes the answers of the routes the web app calls (its types are
 * generated from it): every JSON answer of the post, channel, media, auth, token and workspace
 * routes has a schema, dates are date-time strings, and no channel schema has a place for
 * credentials. A route that loses its response schema fails here, not silently in the web app's
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
];

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
});
