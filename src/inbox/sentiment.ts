/**
 * Sentiment of an inbox item, with its language detected first: VADER (a lexicon analyser built
 * for social media text) only knows English, so any other language is marked `unscored` rather
 * than scored wrongly. Pure; no I/O.
 *
 * Detection is franc's trigram model, which is unsure on the short texts social media is made of
 * ("great product but shipping was slow" comes out as Tagalog). So a text is also taken as English
 * when franc finds English close to its best guess and enough of the words are common English
 * words, or when franc cannot tell (too short) and some are, or when a few plain-ASCII words are
 * known to VADER's English lexicon ("Fantastic launch, congrats team").
 */
import { francAll } from 'franc-min';
import { polarityScores } from './vader-fast.js';

export type Sentiment = 'positive' | 'neutral' | 'negative' | 'unscored';

export interface SentimentResult {
  /** ISO 639-3 (`eng`, `deu`…), `und` when it cannot be told. */
  language: string;
  sentiment: Sentiment;
  /** VADER's compound score, −1…+1; null when unscored. */
  score: number | null;
}

/** VADER's own thresholds for the compound score. */
const POSITIVE_AT = 0.05;
const NEGATIVE_AT = -0.05;
/** Longer texts add nothing to either model but time. */
const MAX_CHARS = 600;

const COMMON_ENGLISH = new Set(
  ('the a an and but or is are was were be been being am i you he she it we they me him her us them my your his its our their this that ' +
    'these those to of in on for with at by from about as into not no yes do does did done have has had will would can could should must ' +
    "what when where why how who which so very just all any some there here if than then too also only still it's i'm don't can't won't " +
    "didn't doesn't isn't wasn't you're we're they're i've i'll get got love like thanks thank please great good bad best worst really " +
    'ever never again much more most now out up down').split(' '),
);

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu)?.map((w) => w.replace('’', "'")) ?? [];
}

/** The text without links, @handles and #tags, which say nothing about the language. */
function prose(text: string): string {
  return text
    .replace(/https?:\/\/\S+/gi, ' ')
    .replace(/[@#][\p{L}\p{N}_.-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CHARS);
}

export function detectLanguage(text: string): { language: string; english: boolean } {
  const clean = prose(text);
  const words = wordsOf(clean);
  if (words.length === 0) return { language: 'und', english: false };
  const commonCount = words.filter((w) => COMMON_ENGLISH.has(w)).length;
  const common = commonCount / words.length;
  // Plainly English (a third of the words are common English ones): no need for the slower model.
  if (commonCount >= 3 && common >= 0.35 && /^[\x20-\x7e\u2019]*$/.test(clean)) return { language: 'eng', english: true };
  const ranked = francAll(clean);
  const top = ranked[0]?.[0] ?? 'und';
  const english = ranked.find(([lang]) => lang === 'eng')?.[1] ?? 0;
  if (top === 'eng') return { language: 'eng', english: true };
  if (top === 'und') return common > 0 ? { language: 'eng', english: true } : { language: 'und', english: false };
  if (english >= 0.75 && common >= 0.34) return { language: 'eng', english: true };
  return { language: top, english: false };
}

/** A few plain-ASCII words: too little for franc, but English if VADER's English lexicon knows them. */
const SHORT_WORDS = 8;

export function scoreSentiment(text: string): SentimentResult {
  const detected = detectLanguage(text);
  const clean = prose(text);
  const shortAscii = /^[\x20-\x7e]+$/.test(clean) && wordsOf(clean).length <= SHORT_WORDS;
  if (!detected.english && !shortAscii) return { language: detected.language, sentiment: 'unscored', score: null };
  const { compound } = polarityScores(text.slice(0, MAX_CHARS));
  if (!detected.english && compound === 0) return { language: detected.language, sentiment: 'unscored', score: null };
  const sentiment: Sentiment = compound >= POSITIVE_AT ? 'positive' : compound <= NEGATIVE_AT ? 'negative' : 'neutral';
  return { language: 'eng', sentiment, score: compound };
}
