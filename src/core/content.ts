/**
 * The shape of draft content as the rules see it: plain facts, no storage ids, so the same
 * checks run on the server before saving and in the web app while typing.
 */

/** `gif` is an animated GIF; networks limit it apart from still images. */
export type MediaKind = 'image' | 'video' | 'gif';

/** What is known about one attached file (from `sniffMedia` and a probe of the upload). */
export interface MediaFacts {
  kind: MediaKind;
  mime: string;
  /** Bytes. */
  size: number;
  width?: number;
  height?: number;
  durationSec?: number;
  alt?: string | null;
}

/** One post of a thread after the first: X replies, Bluesky replies, Telegram follow-up messages… */
export interface FollowUp {
  text: string;
  media: MediaFacts[];
}

/** A post as written for one network. */
export interface DraftContent {
  text: string;
  media: MediaFacts[];
  /** A link shown as a card (or the Pin's destination on Pinterest). */
  link?: string | null;
  /** YouTube, Pinterest and Reddit titles; TikTok photo-post titles. */
  title?: string | null;
  followups: FollowUp[];
}
