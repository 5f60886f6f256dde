/** Norsk bokmål: the same keys as English (the compiler checks). */
import type { Messages } from './en';
import { nbApp } from './nb-app';
import { nbPosts } from './nb-posts';
import { nbTeam } from './nb-team';

export const nb: Messages = { ...nbApp, ...nbPosts, ...nbTeam };
