/**
 * Response types of the routes whose answers the OpenAPI document does not describe yet (they
 * declare no response schema). Each is derived from the server function that builds the answer,
 * with Dates as the strings JSON makes of them — never typed by hand. Routes with response schemas
 * (networks, calendar, link previews, instance, campaigns, approvals and review links) are typed
 * straight from schema.d.ts.
 */
import type { CheckReport } from '../../../src/posts/posts.check';
import type { listPostsWithDeliveries, showPost } from '../../../src/posts/posts.service';
import type { publicChannel } from '../../../src/channels/channels.service';
import type { showOAuth } from '../../../src/channels/oauth.service';
import type { publicMedia } from '../../../src/media/media.service';
import type { createApiToken, publicToken, publicUser } from '../../../src/auth/auth.service';
import type { WorkspaceRow } from '../../../src/workspaces/workspaces.repository';
import type { Problem as CoreProblem } from '../../../src/core/problems';
import type { components, paths } from './schema';

/** What JSON.stringify makes of a value. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonify<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;

export type PostDetail = Jsonify<Awaited<ReturnType<typeof showPost>>>;
export type Delivery = PostDetail['deliveries'][number];
export type Attempt = Delivery['attempts'][number];
export type PostSummary = Jsonify<Awaited<ReturnType<typeof listPostsWithDeliveries>>>[number];
export type Channel = Jsonify<ReturnType<typeof publicChannel>> & { secret?: string };
export type OAuthSignIn = Jsonify<Awaited<ReturnType<typeof showOAuth>>>;
export type Media = Jsonify<ReturnType<typeof publicMedia>>;
export type ApiToken = Jsonify<ReturnType<typeof publicToken>>;
export type NewApiToken = Jsonify<Awaited<ReturnType<typeof createApiToken>>>;
export type User = Jsonify<ReturnType<typeof publicUser>>;
export type Workspace = Required<Pick<WorkspaceRow, 'id' | 'name' | 'role'>>;
export type Me = { user: User; workspaces: Workspace[] };
export type CheckResult = Jsonify<CheckReport>;
export type Problem = CoreProblem;

/** One row of GET …/channels/:id/queue (a delivery waiting in the channel's queue). */
export interface QueueEntry {
  deliveryId: string;
  postId: string;
  dueAt: string;
  state: string;
  text: string | null;
}
export type QueueAnswer = { timezone: string; upcoming: QueueEntry[]; freeSlots: string[] };

type Json200<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type CalendarAnswer = Json200<'/api/v1/workspaces/{workspaceId}/calendar', 'get'>;
export type CalendarPost = CalendarAnswer['posts'][number];
export type NetworkInfo = Json200<'/api/v1/networks', 'get'>['networks'][number];
export type LinkPreview = Json200<'/api/v1/workspaces/{workspaceId}/link-preview', 'get'>;
export type PostStatus = CalendarPost['status'];
export type DeliveryState = CalendarPost['deliveries'][number]['state'];
export type PostInput = NonNullable<paths['/api/v1/workspaces/{workspaceId}/posts']['post']['requestBody']>['content']['application/json'];
export type ScheduleInput = NonNullable<PostInput['schedule']>;
export type { components };
