/** What the Facebook emulator stores: users, Pages, posts, photos, video uploads, comments. */

export interface FbPage {
  id: string;
  name: string;
  username?: string;
  category: string;
  tasks: string[];
  followers: number;
  /** The Instagram professional account linked to this Page (the Instagram emulator uses it). */
  instagramId?: string;
}

export interface FbPost {
  id: string;
  pageId: string;
  message?: string;
  link?: string;
  targeting?: Record<string, unknown>;
  photoIds: string[];
  videoId?: string;
  createdTime: string;
  reactions: number;
  shares: number;
  insights: Record<string, number>;
}

export interface FbPhoto {
  id: string;
  pageId: string;
  published: boolean;
  bytes: Buffer;
  contentType: string;
  alt?: string;
  postId?: string;
}

export interface FbVideo {
  id: string;
  pageId: string;
  sessionId: string;
  fileSize: number;
  received: Buffer;
  finished: boolean;
  description?: string;
  title?: string;
  postId?: string;
}

export interface FbComment {
  id: string;
  postId: string;
  parentId?: string;
  message: string;
  from: { id: string; name: string };
  createdTime: string;
  hidden: boolean;
  likedByPage: boolean;
}

export class FacebookState {
  users = new Map<string, { id: string; name: string; pageIds: string[] }>();
  pages = new Map<string, FbPage>();
  posts = new Map<string, FbPost>();
  photos = new Map<string, FbPhoto>();
  videos = new Map<string, FbVideo>();
  comments = new Map<string, FbComment>();
  /** Posts by others that tag a Page. */
  tagged = new Map<string, { id: string; message: string; from: { id: string; name: string }; createdTime: string }[]>();

  postsOf(pageId: string): FbPost[] {
    return [...this.posts.values()].filter((p) => p.pageId === pageId).sort((a, b) => b.createdTime.localeCompare(a.createdTime));
  }

  commentsOn(objectId: string, stream: boolean): FbComment[] {
    const all = [...this.comments.values()];
    const post = this.posts.get(objectId);
    if (post) return all.filter((c) => c.postId === post.id && (stream || !c.parentId));
    return all.filter((c) => c.parentId === objectId || (c.postId === objectId && (stream || !c.parentId)));
  }
}
