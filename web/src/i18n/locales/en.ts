/** English, the source language: every other language has exactly these keys. */
import { enApp } from './en-app';
import { enPosts } from './en-posts';
import { enReview } from './en-review';
import { enInbox } from './en-inbox';
import { enWeb4 } from './en-web4';
import { enTeam } from './en-team';
import { enWeb5 } from './en-web5';
import { enPerf } from './en-perf';

export const en = { ...enApp, ...enPosts, ...enReview, ...enInbox, ...enWeb4, ...enTeam, ...enWeb5, ...enPerf };

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** The shape a translation must have (checked by the compiler). */
export type Messages = Strings<typeof en>;
