/**
 * Rules: when an item matches (keywords, sentiment, network, kind, channel, author), tag, assign,
 * hide or auto-reply. While a rule is written, its conditions are dry-run against recent items:
 * "this rule would have matched N of the M most recent items", with a sample, before it is saved.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useChannels } from '../../api/channels';
import { dryRunRuleConditions, useDeleteRule, useMembers, useRules, useSaveRule, type InboxRule, type RuleConditions, type RuleInput } from '../../api/inbox';
import { networkLook } from '../../lib/networks';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';
import { KINDS, SENTIMENTS } from './inbox-filters';
import { authorName } from './ItemBadges';
import { TEMPLATE_VARIABLES } from './SavedRepliesSection';

export function RulesSection({ workspaceId, canPublish }: { workspaceId: string; canPublish: boolean }) {
  const { t } = useTranslation();
  const rules = useRules(workspaceId);
  const remove = useDeleteRule(workspaceId);
  const [editing, setEditing] = useState<InboxRule | 'new' | null>(null);
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t('inbox.rules.title')}</h2>
      <p className="muted">{t('inbox.rules.hint')}</p>
      {rules.isPending ? <Loading /> : null}
      <ErrorNote error={rules.error ?? remove.error} />
      {rules.data?.length === 0 ? <p className="muted">{t('inbox.rules.none')}</p> : null}
      <ol className="inbox-manage">
        {rules.data?.map((r) => (
          <li key={r.id} className="card">
            {editing !== 'new' && editing?.id === r.id ? <RuleForm workspaceId={workspaceId} rule={r} onClose={() => setEditing(null)} /> : (
              <>
                <h3>{r.name} {r.enabled ? null : <span className="tag">{t('inbox.rules.disabled')}</span>}</h3>
                <RuleSummary rule={r} />
                {canPublish ? (
                  <p className="actions actions--start">
                    <button type="button" className="button button--small" onClick={() => setEditing(r)}>{t('inbox.rules.edit')}</button>
                    <button type="button" className="button button--small button--quiet" onClick={() => remove.mutate(r.id)}>{t('inbox.rules.delete')}</button>
                  </p>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ol>
      {canPublish ? (editing === 'new' ? <div className="card"><RuleForm workspaceId={workspaceId} onClose={() => setEditing(null)} /></div>
        : <button type="button" className="button" onClick={() => setEditing('new')}>{t('inbox.rules.new')}</button>) : null}
    </section>
  );
}

function RuleSummary({ rule }: { rule: InboxRule }) {
  const { t } = useTranslation();
  const c = rule.conditions;
  const a = rule.actions;
  const when = [
    c.keywords?.length ? t('inbox.rules.sumKeywords', { list: c.keywords.join(', ') }) : null,
    c.sentiments?.length ? t('inbox.rules.sumSentiments', { list: c.sentiments.map((s) => t(`inbox.sentiment.${s}`)).join(', ') }) : null,
    c.kinds?.length ? t('inbox.rules.sumKinds', { list: c.kinds.map((k) => t(`inbox.kind.${k}`)).join(', ') }) : null,
    c.networks?.length ? t('inbox.rules.sumNetworks', { list: c.networks.map((n) => networkLook(n).name).join(', ') }) : null,
    c.authors?.length ? t('inbox.rules.sumAuthors', { list: c.authors.join(', ') }) : null,
    c.channelIds?.length ? t('inbox.rules.sumChannels', { count: c.channelIds.length }) : null,
  ].filter(Boolean);
  const then = [
    a.tags?.length ? t('inbox.rules.doTag', { list: a.tags.join(', ') }) : null,
    a.assignTo ? t('inbox.rules.doAssign') : null,
    a.hide ? t('inbox.rules.doHide') : null,
    a.autoReply ? t('inbox.rules.doReply', { text: a.autoReply.text }) : null,
  ].filter(Boolean);
  return <p>{t('inbox.rules.whenThen', { when: when.join('; '), then: then.join('; ') })}</p>;
}

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const toggle = <T,>(values: T[], v: T, on: boolean) => (on ? [...values, v] : values.filter((x) => x !== v));

function RuleForm({ workspaceId, rule, onClose }: { workspaceId: string; rule?: InboxRule; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const save = useSaveRule(workspaceId);
  const channels = useChannels(workspaceId).data ?? [];
  const members = useMembers(workspaceId).data ?? [];
  const c = rule?.conditions;
  const [name, setName] = useState(rule?.name ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [keywords, setKeywords] = useState(c?.keywords?.join(', ') ?? '');
  const [authors, setAuthors] = useState(c?.authors?.join(', ') ?? '');
  const [sentiments, setSentiments] = useState<NonNullable<RuleConditions['sentiments']>>(c?.sentiments ?? []);
  const [kinds, setKinds] = useState<NonNullable<RuleConditions['kinds']>>(c?.kinds ?? []);
  const [channelIds, setChannelIds] = useState<string[]>(c?.channelIds ?? []);
  const [networks, setNetworks] = useState<string[]>(c?.networks ?? []);
  const offered = [...new Set([...channels.map((ch) => ch.network), ...networks])];
  const [tags, setTags] = useState(rule?.actions.tags?.join(', ') ?? '');
  const [assignTo, setAssignTo] = useState(rule?.actions.assignTo ?? '');
  const [hide, setHide] = useState(rule?.actions.hide ?? false);
  const [autoReply, setAutoReply] = useState(rule?.actions.autoReply?.text ?? '');

  const conditions = useMemo<RuleConditions>(() => {
    const out: RuleConditions = {};
    if (list(keywords).length) out.keywords = list(keywords);
    if (list(authors).length) out.authors = list(authors);
    if (sentiments.length) out.sentiments = sentiments;
    if (kinds.length) out.kinds = kinds;
    if (channelIds.length) out.channelIds = channelIds;
    if (networks.length) out.networks = networks;
    return out;
  }, [keywords, authors, sentiments, kinds, channelIds, networks]);
  const [checked, setChecked] = useState(conditions);
  useEffect(() => {
    const timer = window.setTimeout(() => setChecked(conditions), 400);
    return () => window.clearTimeout(timer);
  }, [conditions]);
  const hasCondition = Object.keys(checked).length > 0;
  const dry = useQuery({ queryKey: ['inbox-dry-run', workspaceId, checked], enabled: hasCondition, queryFn: () => dryRunRuleConditions(workspaceId, checked) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const actions: RuleInput['actions'] = {};
    if (list(tags).length) actions.tags = list(tags);
    if (assignTo) actions.assignTo = assignTo;
    if (hide) actions.hide = true;
    if (autoReply.trim()) actions.autoReply = { text: autoReply.trim(), maxPerHour: rule?.actions.autoReply?.maxPerHour ?? 20 };
    save.mutate({ id: rule?.id, body: { name, enabled, conditions, actions } }, { onSuccess: () => { toast(t('inbox.rules.saved', { name })); onClose(); } });
  };

  return (
    <form onSubmit={submit} className="inbox-rule-form">
      <Field label={t('inbox.rules.name')}><input type="text" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} /></Field>
      <label className="check"><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('inbox.rules.enabled')}</label>
      <fieldset>
        <legend>{t('inbox.rules.when')}</legend>
        <Field label={t('inbox.rules.keywords')} hint={t('inbox.rules.commaHint')}><input type="text" value={keywords} onChange={(e) => setKeywords(e.target.value)} /></Field>
        <Field label={t('inbox.rules.authors')} hint={t('inbox.rules.commaHint')}><input type="text" value={authors} onChange={(e) => setAuthors(e.target.value)} /></Field>
        <fieldset className="inline-checks">
          <legend>{t('inbox.filters.sentiment')}</legend>
          {SENTIMENTS.map((s) => <label key={s} className="check"><input type="checkbox" checked={sentiments.includes(s)} onChange={(e) => setSentiments(toggle(sentiments, s, e.target.checked))} /> {t(`inbox.sentiment.${s}`)}</label>)}
        </fieldset>
        <fieldset className="inline-checks">
          <legend>{t('inbox.filters.kind')}</legend>
          {KINDS.map((k) => <label key={k} className="check"><input type="checkbox" checked={kinds.includes(k)} onChange={(e) => setKinds(toggle(kinds, k, e.target.checked))} /> {t(`inbox.kind.${k}`)}</label>)}
        </fieldset>
        {offered.length > 1 || networks.length ? (
          <fieldset className="inline-checks">
            <legend>{t('inbox.filters.network')}</legend>
            {offered.map((n) => <label key={n} className="check"><input type="checkbox" checked={networks.includes(n)} onChange={(e) => setNetworks(toggle(networks, n, e.target.checked))} /> {networkLook(n).name}</label>)}
          </fieldset>
        ) : null}
        {channels.length ? (
          <fieldset className="inline-checks">
            <legend>{t('inbox.filters.channel')}</legend>
            {channels.map((ch) => <label key={ch.id} className="check"><input type="checkbox" checked={channelIds.includes(ch.id)} onChange={(e) => setChannelIds(toggle(channelIds, ch.id, e.target.checked))} /> {ch.name}</label>)}
          </fieldset>
        ) : null}
      </fieldset>
      <div className="note" role="status" aria-live="polite" data-testid="dry-run">
        {!hasCondition ? t('inbox.rules.needCondition') : dry.isFetching && !dry.data ? t('inbox.rules.checking') : dry.data ? (
          <>
            <strong>{t('inbox.rules.wouldMatch', { count: dry.data.matched, of: dry.data.of })}</strong>
            {dry.data.sample.length ? <ul className="inbox-sample">{dry.data.sample.slice(0, 5).map((i) => <li key={i.id}><strong>{authorName(i.author)}</strong>: {i.text}</li>)}</ul> : null}
          </>
        ) : null}
        <ErrorNote error={dry.error} />
      </div>
      <fieldset>
        <legend>{t('inbox.rules.then')}</legend>
        <Field label={t('inbox.rules.tags')} hint={t('inbox.rules.commaHint')}><input type="text" value={tags} onChange={(e) => setTags(e.target.value)} /></Field>
        <Field label={t('inbox.rules.assignTo')}>
          <select value={assignTo} onChange={(e) => setAssignTo(e.target.value)}>
            <option value="">{t('inbox.rules.nobody')}</option>
            {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
          </select>
        </Field>
        <label className="check"><input type="checkbox" checked={hide} onChange={(e) => setHide(e.target.checked)} /> {t('inbox.rules.hide')}</label>
        <Field label={t('inbox.rules.autoReply')} hint={t('inbox.rules.autoReplyHint', { vars: TEMPLATE_VARIABLES })}><textarea rows={2} value={autoReply} onChange={(e) => setAutoReply(e.target.value)} maxLength={5000} /></Field>
      </fieldset>
      <ErrorNote error={save.error} />
      <p className="actions actions--start">
        <button type="submit" className="button button--primary" disabled={save.isPending || !hasCondition}>{t('inbox.rules.save')}</button>
        <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
      </p>
    </form>
  );
}
