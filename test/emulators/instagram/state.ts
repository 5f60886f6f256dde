/** What the Instagram emulator stores: professional accounts, containers, media, comments. */

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface IgUser {
  id: string;
  username: string;
  name: string;
  pageId: string;
  followers: number;
}

export interface IgContainer {
  id: string;
  igId: string;
  mediaType: 'IMAGE' | 'VIDEO' | 'REELS' | 'STORIES' | 'CAROUSEL';
  isCarouselItem: boolean;
  caption?: string;
  altText?: string;
  children?: string[];
  /** The bytes Meta downloaded from the URL the container named. */
  bytes?: Buffer;
  contentType?: string;
  sourceUrl?: string;
  status: ContainerStatus;
  statusText: string;
  pollsLeft: number;
  createdAt: number;
  params: Record<string, string>;
}

export interface IgMedia {
  id: string;
  igId: string;
  containerId: string;
  mediaType: string;
  productType: 'FEED' | 'REELS' | 'STORY';
  caption?: string;
  timestamp: string;
  permalink: string;
  insights: Record<string, number>;
}

export interface IgComment {
  id: string;
  mediaId: string;
  parentId?: string;
  text: string;
  from: { id: string; username: string };
  timestamp: string;
  hidden: boolean;
}

export class InstagramState {
  accounts = new Map<string, IgUser>();
  containers = new Map<string, IgContainer>();
  media = new Map<string, IgMedia>();
  comments = new Map<string, IgComment>();
  /** Media that tag an account, by account. */
  tags = new Map<string, { id: string; caption: string; username: string; timestamp: string }[]>();
  /** Publish times per account, for the 24-hour limit. */
  published = new Map<string, number[]>();

  mediaOf(igId: string): IgMedia[] {
    return [...this.media.values()].filter((m) => m.igId === igId).sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  }
}
