/** English, the source language: every other language has exactly these keys. */
import { enApp } from './en-app';
import { enPosts } from './en-posts';
import { enTeam } from './en-team';

export const en = { ...enApp, ...enPosts, ...enTeam };

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** The shape a translation must have (checked by the compiler). */
export type Messages = Strings<typeof en>;
