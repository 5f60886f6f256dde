/** How stored inbox rows are shown in the API. */
import type { ItemRow, NoteRow } from './items.repository.js';
import { levelOf } from './priority.js';
import type { ReplyRow } from './replies.repository.js';

export function publicItem(i: ItemRow) {
  return {
    id: i.id,
    channelId: i.channel_id,
    network: i.network,
    kind: i.kind,
    externalId: i.external_id,
    conversationId: i.conversation_id,
    parentExternalId: i.parent_external_id,
    postExternalId: i.post_external_id,
    postId: i.post_id,
    author: { id: i.author_id, handle: i.author_handle, name: i.author_name, avatarUrl: i.author_avatar_url, url: i.author_url, followers: i.author_followers },
    text: i.text,
    url: i.url,
    createdAt: i.created_at,
    receivedAt: i.received_at,
    source: i.source,
    language: i.language,
    sentiment: i.sentiment,
    sentimentScore: i.sentiment_score,
    priority: i.priority,
    priorityLevel: levelOf(i.priority),
    state: i.state,
    assigneeId: i.assignee_id,
    snoozedUntil: i.snoozed_until,
    tags: i.tags,
    read: i.read_at !== null,
    hidden: i.hidden,
    liked: i.liked_at !== null,
    deletedOnNetwork: i.deleted_at !== null,
  };
}

export function publicReply(r: ReplyRow) {
  return {
    id: r.id,
    itemId: r.item_id,
    text: r.text,
    postId: r.post_id,
    deliveryId: r.delivery_id,
    state: r.state,
    url: r.external_url,
    externalId: r.external_id,
    error: r.last_error,
    attempts: r.attempt_count,
    auto: r.rule_id !== null,
    createdBy: r.created_by,
    createdAt: r.created_at,
    publishedAt: r.published_at,
  };
}

export function publicNote(n: NoteRow) {
  return { id: n.id, itemId: n.item_id, author: n.author_user_id ? { id: n.author_user_id, name: n.author_name } : null, body: n.body, createdAt: n.created_at };
}
