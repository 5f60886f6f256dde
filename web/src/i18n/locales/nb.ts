/** Norsk bokmål: the same keys as English (the compiler checks). */
import type { Messages } from './en';
import { nbApp } from './nb-app';
import { nbPosts } from './nb-posts';
import { nbReview } from './nb-review';
import { nbInbox } from './nb-inbox';
import { nbWeb4 } from './nb-web4';
import { nbTeam } from './nb-team';
import { nbWeb5 } from './nb-web5';
import { nbPerf } from './nb-perf';

export const nb: Messages = { ...nbApp, ...nbPosts, ...nbReview, ...nbInbox, ...nbWeb4, ...nbTeam, ...nbWeb5, ...nbPerf };
