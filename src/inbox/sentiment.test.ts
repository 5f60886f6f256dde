import { describe, expect, it } from 'vitest';
import { computePriority, levelOf } from './priority.js';
import { detectLanguage, scoreSentiment } from './sentiment.js';

describe('sentiment, with the language detected first', () => {
  it.each([
    ['This is terrible, I want a refund', 'negative'],
    ['Worst service ever 😡', 'negative'],
    ['Love it!', 'positive'],
    ['great product but shipping was slow', 'positive'],
    ['Fantastic launch, congrats team', 'positive'],
    ['When will you ship to Bergen?', 'neutral'],
  ])('scores English: %s → %s', (text, sentiment) => {
    expect(scoreSentiment(text)).toMatchObject({ language: 'eng', sentiment });
  });

  it.each([
    ['Das ist wirklich schlecht und teuer', 'deu'],
    ['Je suis très déçu par ce produit, il est cassé', 'fra'],
    ['Esto es una basura total', 'spa'],
  ])('marks other languages unscored rather than scoring them wrongly: %s', (text, language) => {
    expect(scoreSentiment(text)).toEqual({ language, sentiment: 'unscored', score: null });
  });

  it('leaves text with no words unscored, and ignores links and handles when detecting', () => {
    expect(scoreSentiment('😡😡')).toMatchObject({ sentiment: 'unscored', language: 'und' });
    expect(detectLanguage('Thanks @varde.test for this https://example.com/a-long-path-de-la-page')).toMatchObject({ english: true });
  });
});

describe('priority', () => {
  const base = { text: 'hello', kind: 'comment' as const, sentiment: 'neutral' as const, score: 0, keywords: ['refund', 'not working'] };

  it('rises with negative sentiment, reach, keywords, direct messages and questions', () => {
    expect(computePriority(base)).toEqual({ priority: 0, reasons: [] });
    const angry = computePriority({ ...base, text: 'My order is not working, refund?', sentiment: 'negative', score: -0.7, followers: 25_000 });
    expect(angry.priority).toBe(95);
    expect(angry.reasons).toEqual(['very negative', '25,000 followers', 'keywords: refund, not working', 'a question']);
    expect(levelOf(computePriority({ ...base, kind: 'message', text: 'Any news?' }).priority)).toBe('low');
    expect(levelOf(computePriority({ ...base, sentiment: 'negative', score: -0.2 }).priority)).toBe('medium');
  });

  it('matches keywords as whole words, in any case', () => {
    expect(computePriority({ ...base, text: 'REFUND now' }).priority).toBe(15);
    expect(computePriority({ ...base, text: 'refunded already' }).priority).toBe(0);
  });
});
