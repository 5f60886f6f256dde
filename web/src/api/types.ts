/**
 * The API's answers as the web app uses them, taken from schema.d.ts (generated from the route
 * schemas by `npm run gen:api`), never typed by hand. `Jsonify` remains for the few modules whose
 * routes publish no response schema yet (inbox, team, account): they derive their
 * answers from the server function that builds them, with Dates as the strings JSON makes of them.
 */
import type { components, paths } from './schema';

/** What JSON.stringify makes of a value. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonify<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;

type JsonAnswer<P extends keyof paths, M extends keyof paths[P], S extends number> =
  paths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer T } } } } ? T : never;
type Json200<P extends keyof paths, M extends keyof paths[P]> = JsonAnswer<P, M, 200>;
type Json201<P extends keyof paths, M extends keyof paths[P]> = JsonAnswer<P, M, 201>;

export type PostDetail = Json200<'/api/v1/workspaces/{workspaceId}/posts/{id}', 'get'>;
export type Delivery = PostDetail['deliveries'][number];
export type Attempt = Delivery['attempts'][number];
export type PostSummary = Json200<'/api/v1/workspaces/{workspaceId}/posts', 'get'>['posts'][number];
export type CheckResult = Json200<'/api/v1/workspaces/{workspaceId}/posts/check', 'post'>;
export type Problem = CheckResult['problems'][number];
export type Channel = Json200<'/api/v1/workspaces/{workspaceId}/channels/{id}', 'get'>;
/** A channel just connected or reconnected: with a webhook's generated secret, shown once. */
export type ConnectedChannel = Json201<'/api/v1/workspaces/{workspaceId}/channels', 'post'>;
export type QueueAnswer = Json200<'/api/v1/workspaces/{workspaceId}/channels/{id}/queue', 'get'>;
/** One row of a channel's queue (a delivery waiting in it). */
export type QueueEntry = QueueAnswer['upcoming'][number];
export type OAuthSignIn = Json200<'/api/v1/workspaces/{workspaceId}/channels/oauth/{state}', 'get'>;
export type Media = Json200<'/api/v1/workspaces/{workspaceId}/media/{id}', 'get'>;
export type ApiToken = Json200<'/api/v1/workspaces/{workspaceId}/tokens', 'get'>['tokens'][number];
export type NewApiToken = Json201<'/api/v1/workspaces/{workspaceId}/tokens', 'post'>;
export type Me = Json200<'/api/v1/me', 'get'>;
export type User = Me['user'];
export type Workspace = Me['workspaces'][number];

export type CalendarAnswer = Json200<'/api/v1/workspaces/{workspaceId}/calendar', 'get'>;
export type CalendarPost = CalendarAnswer['posts'][number];
export type NetworkInfo = Json200<'/api/v1/networks', 'get'>['networks'][number];
export type LinkPreview = Json200<'/api/v1/workspaces/{workspaceId}/link-preview', 'get'>;
export type PostStatus = CalendarPost['status'];
export type DeliveryState = CalendarPost['deliveries'][number]['state'];
export type PostInput = NonNullable<paths['/api/v1/workspaces/{workspaceId}/posts']['post']['requestBody']>['content']['application/json'];
export type ScheduleInput = NonNullable<PostInput['schedule']>;
export type { components };
