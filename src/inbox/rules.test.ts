import { describe, expect, it } from 'vitest';
import { applyRules, matchesRule, RuleActions, RuleConditions, type Rule, type RuleSubject } from './rules.js';
import { renderTemplate, unknownVariables } from './template.js';

const item: RuleSubject = { text: 'Where is my refund?', kind: 'comment', network: 'facebook', channelId: 'c1', sentiment: 'negative', author: { id: '42', handle: '@Ada' } };
const rule = (id: string, conditions: Rule['conditions'], actions: Rule['actions'], enabled = true): Rule => ({ id, name: id, enabled, conditions, actions });

describe('inbox rules', () => {
  it('matches when every condition given matches, any value within one', () => {
    expect(matchesRule({ keywords: ['refund', 'invoice'], sentiments: ['negative'] }, item)).toBe(true);
    expect(matchesRule({ keywords: ['refund'], networks: ['x'] }, item)).toBe(false);
    expect(matchesRule({ authors: ['ada'] }, item)).toBe(true);
    expect(matchesRule({ authors: ['42'] }, item)).toBe(true);
    expect(matchesRule({ kinds: ['message'] }, item)).toBe(false);
    expect(matchesRule({ keywords: ['ref'] }, item)).toBe(false);
  });

  it('combines the actions of every enabled match in order; the first assignee, hider and auto-replier win', () => {
    const out = applyRules([
      rule('a', { keywords: ['refund'] }, { tags: ['billing'], assignTo: 'u1' }),
      rule('off', { keywords: ['refund'] }, { tags: ['ignored'] }, false),
      rule('b', { sentiments: ['negative'] }, { tags: ['billing', 'angry'], assignTo: 'u2', hide: true, autoReply: { text: 'Sorry!', maxPerHour: 5 } }),
      rule('c', { networks: ['facebook'] }, { hide: true }),
    ], item);
    expect(out).toEqual({ tags: ['billing', 'angry'], assignTo: 'u1', hideRuleId: 'b', autoReplyRuleId: 'b' });
  });

  it('refuses a rule without conditions or without actions', () => {
    expect(RuleConditions.safeParse({}).success).toBe(false);
    expect(RuleConditions.safeParse({ keywords: [] }).success).toBe(false);
    expect(RuleActions.safeParse({ tags: [] }).success).toBe(false);
    expect(RuleActions.parse({ autoReply: { text: 'Hi' } })).toEqual({ autoReply: { text: 'Hi', maxPerHour: 20 } });
  });
});

describe('reply templates', () => {
  const values = { author: { id: '1', name: 'Ada Lovelace', handle: 'ada' }, channel: { name: 'Varde Coffee' } };

  it('fills in the author and the channel', () => {
    expect(renderTemplate('Hi {{author.name}} ({{ author.handle }}), thanks from {{channel.name}}', values)).toBe('Hi Ada Lovelace (@ada), thanks from Varde Coffee');
    expect(renderTemplate('Hi {{author.name}}', { ...values, author: { id: '1', handle: 'ada' } })).toBe('Hi @ada');
  });

  it('names unknown variables instead of sending them', () => {
    expect(unknownVariables('Hi {{autor.name}} {{channel.name}}')).toEqual(['autor.name']);
    expect(() => renderTemplate('Hi {{autor.name}}', values)).toThrow(/Unknown variable \{\{autor\.name\}\}/);
  });
});
