import fs from 'node:fs';
import { createRequire } from 'node:module';
import vader from 'vader-sentiment';
import { describe, expect, it } from 'vitest';
import { polarityScores } from './vader-fast.js';

/** Texts built from VADER's own lexicon, its special words, punctuation around words, capitals and odd spacing. */
function corpus(size: number): string[] {
  const lexiconFile = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
  const lexicon = fs.readFileSync(lexiconFile, 'utf8').split('\n').map((l) => l.split('\t')[0]).filter(Boolean);
  const special = ['kind', 'of', 'but', 'BUT', 'not', "isn't", "don't", 'never', 'so', 'this', 'least', 'at', 'very', 'without', 'doubt',
    'the', 'shit', 'bomb', 'sort-of', 'kinda', 'EXTREMELY', 'GREAT', 'Great', ':)', ':-(', '<3', 'lol', 'no', 'yeah', 'right', 'cut',
    'mustard', 'hand', 'to', 'mouth', 'kiss', 'death', 'bad', 'ass', 'really', 'barely'];
  const marks = ['', '', '', '.', '!', '?', ',', '!!', '!!!', '???', '?!?', '!?!?', '"', "'", '-', ':', ';', '(', ')', '...', '#', '@'];
  let seed = 7;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const texts = ['', ' ', 'a', '!!!', 'Fantastic launch, congrats team', "I don't love it!!! :(", 'The book was kind of good.', 'not bad at all'];
  for (let i = 0; i < size; i++) {
    const words: string[] = [];
    for (let n = 1 + rnd(25); n > 0; n--) {
      let w = rnd(3) === 0 ? special[rnd(special.length)] : lexicon[rnd(lexicon.length)];
      if (rnd(6) === 0) w = w.toUpperCase();
      words.push((rnd(5) === 0 ? marks[rnd(marks.length)] : '') + w + (rnd(3) === 0 ? marks[rnd(marks.length)] : ''));
    }
    texts.push(words.join(rnd(10) === 0 ? '  ' : rnd(10) === 0 ? '\n' : ' '));
  }
  return texts;
}

describe('polarityScores (the faster VADER tokeniser)', () => {
  it('gives exactly what vader-sentiment gives', () => {
    for (const text of corpus(1_000)) expect(polarityScores(text), JSON.stringify(text)).toEqual(vader.SentimentIntensityAnalyzer.polarity_scores(text));
  });
});
