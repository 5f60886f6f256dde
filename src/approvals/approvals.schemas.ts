/**
 * The shapes of approvals and client review answers in the API: previews of a post per target
 * (each file with its kind, each follow-up with its own files), the public review page, review
 * links, and the posts waiting for approval.
 */
import { z } from 'zod';
import { PostListQuery } from '../posts/posts.schemas.js';
import { Instant } from '../server/schemas.js';

const PostStatus = PostListQuery.shape.status.unwrap();
export const ApprovalStatus = z.enum(['not_required', 'pending', 'approved', 'rejected']);
const DecisionValue = z.enum(['approved', 'rejected']);

export const PreviewMedia = z.object({
  url: z.string(),
  alt: z.string().nullable(),
  kind: z.enum(['image', 'video']).describe('From the stored file’s type: a video is shown as a player, anything else as an image'),
});
export type PreviewMedia = z.infer<typeof PreviewMedia>;

/** One part of a thread after the first: its text and its own files. */
export const PreviewPart = z.object({ text: z.string(), media: z.array(PreviewMedia) });
export type PreviewPart = z.infer<typeof PreviewPart>;

/** A post as one channel will get it: its own text, files and thread (the base content with the channel's overrides). */
export const PreviewTarget = z.object({
  network: z.string(),
  channel: z.string().describe('The channel’s name'),
  handle: z.string().nullable().describe('The account’s handle; a webhook’s address is not shown on a client’s review page'),
  dueAt: z.date().nullable(),
  text: z.string(),
  media: z.array(PreviewMedia),
  followups: z.array(PreviewPart).describe('The thread after the first part, in order'),
});
export type PreviewTarget = z.infer<typeof PreviewTarget>;

export const ReviewLink = z.object({
  id: z.string(),
  name: z.string(),
  from: z.date(),
  to: z.date(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});
export const ReviewLinkList = z.object({ links: z.array(ReviewLink) });
export const NewReviewLink = ReviewLink.extend({ token: z.string(), url: z.string().describe('The address to send; shown once') });

export const ReviewPost = z.object({
  id: z.string(),
  status: PostStatus,
  approvalStatus: ApprovalStatus,
  scheduledAt: z.date().nullable(),
  text: z.string(),
  link: z.string().nullable(),
  media: z.array(PreviewMedia),
  targets: z.array(PreviewTarget),
  reviews: z.array(z.object({ name: z.string(), decision: DecisionValue, comment: z.string().nullable(), at: z.date() })).describe('Decisions on the current version'),
  comments: z.array(z.object({ name: z.string(), body: z.string(), at: z.date() })),
});

export const ReviewPage = z.object({
  workspace: z.string(),
  name: z.string(),
  from: z.date(),
  to: z.date(),
  expiresAt: z.date(),
  posts: z.array(ReviewPost),
});

export const ApprovalStatusAnswer = z.object({ approvalStatus: ApprovalStatus });
/** An approval or rejection (`current`: of the post's current revision, so it still counts). */
export const Review = z.object({
  id: z.string(),
  revision: z.number().int(),
  reviewerUserId: z.string().nullable(),
  reviewerName: z.string(),
  via: z.enum(['member', 'review_link']),
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().nullable(),
  createdAt: Instant,
  current: z.boolean(),
});
export const ReviewList = z.object({ reviews: z.array(Review) });
export const PostComment = z.object({ id: z.string(), authorUserId: z.string().nullable(), authorName: z.string(), via: z.enum(['member', 'review_link']), body: z.string(), mentions: z.array(z.string()), createdAt: Instant });
export const CommentList = z.object({ comments: z.array(PostComment) });
export const NewComment = z.object({ id: z.string(), mentions: z.array(z.string()).describe('Ids of the members the comment mentions (they are notified)') });

export const AwaitingPost = z.object({
  id: z.string(),
  status: PostStatus,
  approvalStatus: ApprovalStatus,
  revision: z.number().int(),
  scheduledAt: z.date().nullable(),
  createdBy: z.string().nullable(),
  link: z.string().nullable(),
  targets: z.array(PreviewTarget),
});
export const AwaitingList = z.object({ posts: z.array(AwaitingPost) });
