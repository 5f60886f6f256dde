/**
 * VADER's `polarity_scores` (vader-sentiment 1.1.3, Apache-2.0, © 2018 Comcast) with the same
 * result, about 5× cheaper. The package's tokeniser builds, for every text, a dictionary of every
 * word with every punctuation mark before and after it (17 marks × 2 × words entries) only to
 * strip edge punctuation from the tokens; here each token is looked up directly instead. The
 * scoring steps themselves are the package's own static methods, called in the same order with
 * the same arguments, so the result is identical (sentiment.test.ts compares both on a corpus).
 */
import vader from 'vader-sentiment';

const SIA = vader.SentimentIntensityAnalyzer as unknown as {
  sentiment_valence(valence: number, sentiText: SentiText, item: string, index: number, sentiments: number[]): number[];
  but_check(words: string[], sentiments: number[]): number[];
  score_valence(sentiments: number[], text: string): { neg: number; neu: number; pos: number; compound: number };
};

interface SentiText {
  text: string;
  words_and_emoticons: string[];
  is_cap_diff: boolean;
}

// The package's constants (vaderSentiment.js): PUNC_LIST, REGEX_REMOVE_PUNCTUATION, BOOSTER_DICT's words.
const PUNC_LIST = ['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?'];
const REMOVE_PUNCTUATION = /[!"#$%&'()*+,-./:;<=>?@[\\\]^_`{|}~]/g;
const BOOSTERS = new Set(
  ('absolutely amazingly awfully completely considerably decidedly deeply effing enormously entirely especially exceptionally ' +
    'extremely fabulously flipping flippin fricking frickin frigging friggin fully fucking greatly hella highly hugely incredibly ' +
    'intensely majorly more most particularly purely quite really remarkably so substantially thoroughly totally tremendously uber ' +
    'unbelievably unusually utterly very almost barely hardly kinda kindof kind-of less little marginally occasionally partly ' +
    'scarcely slightly somewhat sorta sortof sort-of').split(' '),
);
// Multi-word entries ('just enough', 'kind of', 'sort of') can never equal one token; kept for `in`-checks' sake.
BOOSTERS.add('just enough').add('kind of').add('sort of');

const isUpperPython = (word: string) => word.length > 0 && /^[^a-z]*[A-Z]+[^a-z]*$/.test(word);

/** The package's `SentiText.get_words_and_emoticons`, without building the punctuation dictionary. */
export function wordsAndEmoticons(text: string): string[] {
  const wordsOnly = new Set(text.replace(REMOVE_PUNCTUATION, '').split(/\s/).filter((w) => w.length > 1));
  const tokens = text.split(/\s/).filter((t) => t.length > 1);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // A key of the package's dictionary is `mark + word` or `word + mark`; words hold no marks, so at most one matches.
    for (const p of PUNC_LIST) {
      if (t.length <= p.length) continue;
      if (t.startsWith(p) && wordsOnly.has(t.slice(p.length))) {
        tokens[i] = t.slice(p.length);
        break;
      }
      if (t.endsWith(p) && wordsOnly.has(t.slice(0, t.length - p.length))) {
        tokens[i] = t.slice(0, t.length - p.length);
        break;
      }
    }
  }
  return tokens;
}

function capDifferential(words: string[]): boolean {
  let caps = 0;
  for (const w of words) if (isUpperPython(w)) caps += 1;
  const diff = words.length - caps;
  return diff > 0 && diff < words.length;
}

/** VADER's compound (and neg/neu/pos) scores, as `SentimentIntensityAnalyzer.polarity_scores(text)`. */
export function polarityScores(text: string) {
  const words = wordsAndEmoticons(text);
  const sentiText: SentiText = { text, words_and_emoticons: words, is_cap_diff: capDifferential(words) };
  let sentiments: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const lower = words[i].toLowerCase();
    if ((i < words.length - 1 && lower === 'kind' && words[i + 1].toLowerCase() === 'of') || BOOSTERS.has(lower)) {
      sentiments.push(0);
      continue;
    }
    sentiments = SIA.sentiment_valence(0, sentiText, words[i], i, sentiments);
  }
  sentiments = SIA.but_check(words, sentiments);
  return SIA.score_valence(sentiments, text);
}
