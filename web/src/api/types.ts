/**
 * The API's answers as the web app uses them, taken from schema.d.ts (generated from the route
 * schemas by `npm run gen:api`), never typed by hand.
 */
import type { components, paths } from './schema';

type JsonAnswer<P extends keyof paths, M extends keyof paths[P], S extends number> =
  paths[P][M] extends { responses: { [K in S]: { content: { 'application/json': infer T } } } } ? T : never;
type Json200<P extends keyof paths, M extends keyof paths[P]> = JsonAnswer<P, M, 200>;
type Json202<P extends keyof paths, M extends keyof paths[P]> = JsonAnswer<P, M, 202>;
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

type W = '/api/v1/workspaces/{workspaceId}';

export type InboxPage = Json200<`${W}/inbox/items`, 'get'>;
export type InboxItem = Json200<`${W}/inbox/items/{id}`, 'get'>;
export type Conversation = Json200<`${W}/inbox/items/{id}/conversation`, 'get'>;
/** A reply sent from the inbox, with the state of its delivery. */
export type InboxReply = Json202<`${W}/inbox/items/{id}/reply`, 'post'>;
export type InboxNote = Json201<`${W}/inbox/items/{id}/notes`, 'post'>;
export type BulkResult = Json200<`${W}/inbox/items/bulk`, 'post'>;
export type InboxCount = Json200<`${W}/inbox/unread-count`, 'get'>;
export type InboxSource = Json200<`${W}/inbox/sources`, 'get'>['sources'][number];
export type SyncResult = Json200<`${W}/inbox/sync`, 'post'>;
export type InboxRule = Json200<`${W}/inbox/rules/{id}`, 'get'>;
export type DryRun = Json200<`${W}/inbox/rules/dry-run`, 'post'>;
export type SavedReply = Json201<`${W}/inbox/saved-replies`, 'post'>;
export type InboxSettings = Json200<`${W}/inbox/settings`, 'get'>;

export type Member = Json200<`${W}/members`, 'get'>['members'][number];
export type Invitation = Json200<`${W}/invitations`, 'get'>['invitations'][number];
/** A new invitation, with its link (and token), shown once. */
export type NewInvitation = Json201<`${W}/invitations`, 'post'>;
export type InvitationInfo = Json200<'/api/v1/invitations/{token}', 'get'>;
export type Joined = Json201<'/api/v1/invitations/{token}/accept', 'post'>;
export type WorkspaceSettings = Json200<`${W}/settings`, 'get'>;

export type Notification = Json200<`${W}/notifications`, 'get'>['notifications'][number];
export type NotificationPreferences = Json200<'/api/v1/me/notification-settings', 'get'>;
export type AuditEntry = Json200<`${W}/audit`, 'get'>['entries'][number];
export type Session = Json200<'/api/v1/me/sessions', 'get'>['sessions'][number];
export type TotpStatus = Json200<'/api/v1/me/totp', 'get'>;
/** The new secret, shown once while two-factor log-in is set up. */
export type TotpSetup = Json200<'/api/v1/me/totp/setup', 'post'>;
export type Review = Json200<`${W}/posts/{id}/reviews`, 'get'>['reviews'][number];
export type PostComment = Json200<`${W}/posts/{id}/comments`, 'get'>['comments'][number];
export type { components };
