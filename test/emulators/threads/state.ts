/** What the Threads emulator stores: profiles, containers, posts and replies, mentions. */

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface ThProfile {
  id: string;
  username: string;
  name: string;
  followers: number;
}

export interface ThContainer {
  id: string;
  userId: string;
  mediaType: 'TEXT' | 'IMAGE' | 'VIDEO' | 'CAROUSEL';
  text?: string;
  isCarouselItem: boolean;
  children?: string[];
  bytes?: Buffer;
  contentType?: string;
  sourceUrl?: string;
  status: ContainerStatus;
  errorMessage?: string;
  pollsLeft: number;
  params: Record<string, string>;
}

export interface ThPost {
  id: string;
  /** Who wrote it: the profile's own posts carry its id; others' replies a username only. */
  userId: string | null;
  username: string;
  containerId?: string;
  mediaType: string;
  text?: string;
  timestamp: string;
  permalink: string;
  replyToId?: string;
  rootId: string;
  hidden: boolean;
  insights: Record<string, number>;
}

export class ThreadsState {
  profiles = new Map<string, ThProfile>();
  containers = new Map<string, ThContainer>();
  posts = new Map<string, ThPost>();
  mentions = new Map<string, ThPost[]>();
  published = new Map<string, { at: number; reply: boolean }[]>();

  postsOf(userId: string, replies: boolean): ThPost[] {
    return [...this.posts.values()].filter((p) => p.userId === userId && Boolean(p.replyToId) === replies).sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  }

  conversation(rootId: string): ThPost[] {
    return [...this.posts.values()].filter((p) => p.rootId === rootId && p.id !== rootId).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  }
}
