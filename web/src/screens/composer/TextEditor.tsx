/**
 * The text: one base text for every target, and a tab per chosen channel to write a different
 * text for it. Each shows the live count of every network that will receive that text.
 */
import { Tabs } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { NetworkBadge } from '../../ui/badges';
import { Counter } from './Counter';
import type { TargetCheck } from './checks';
import type { ComposerDraft } from './draft';

interface Props {
  draft: ComposerDraft;
  channels: Channel[];
  checks: TargetCheck[];
  update(change: Partial<ComposerDraft> | ((d: ComposerDraft) => Partial<ComposerDraft>)): void;
  onPasteFiles(files: File[]): void;
  describedBy: string;
}

export function TextEditor({ draft, channels, checks, update, onPasteFiles, describedBy }: Props) {
  const { t } = useTranslation();
  const chosen = draft.channelIds.map((id) => channels.find((c) => c.id === id)).filter((c): c is Channel => Boolean(c));
  const onPaste = (e: React.ClipboardEvent) => {
    const files = [...e.clipboardData.files].filter((f) => /^(image|video)\//.test(f.type));
    if (files.length) {
      e.preventDefault();
      onPasteFiles(files);
    }
  };
  const setOverride = (id: string, text: string | null) => update((d) => {
    const overrides = { ...d.overrides };
    if (text === null) delete overrides[id];
    else overrides[id] = text;
    return { overrides };
  });
  return (
    <Tabs.Root defaultValue="base" className="text-tabs">
      <Tabs.List className="tabs" aria-label={t('composer.textTabs')}>
        <Tabs.Trigger value="base" className="tabs__tab">{t('composer.baseTab')}</Tabs.Trigger>
        {chosen.map((c) => (
          <Tabs.Trigger key={c.id} value={c.id} className="tabs__tab">
            <NetworkBadge network={c.network} size="sm" /> {c.name}
            {c.id in draft.overrides ? <span className="tabs__dot" title={t('composer.customized')}><span className="visually-hidden">({t('composer.customized')})</span></span> : null}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content value="base" className="tabs__panel">
        <label className="field__label" htmlFor="post-text">{t('composer.text')}</label>
        <textarea id="post-text" className="editor" rows={7} value={draft.text} onChange={(e) => update({ text: e.target.value })} onPaste={onPaste}
          placeholder={t('composer.placeholder')} aria-describedby={`base-counters ${describedBy}`} />
        <div id="base-counters" className="counters">
          {checks.filter((c) => !c.overridden).map((c) => <Counter key={c.key} network={c.network} name={c.name} count={c.count} />)}
        </div>
      </Tabs.Content>
      {chosen.map((c) => {
        const check = checks.find((x) => x.channelId === c.id);
        const overridden = c.id in draft.overrides;
        return (
          <Tabs.Content key={c.id} value={c.id} className="tabs__panel">
            <label className="check">
              <input type="checkbox" checked={overridden} onChange={(e) => setOverride(c.id, e.target.checked ? draft.text : null)} />
              {t('composer.customize', { name: c.name })}
            </label>
            {overridden ? (
              <>
                <label className="field__label" htmlFor={`text-${c.id}`}>{t('composer.textFor', { name: c.name })}</label>
                <textarea id={`text-${c.id}`} className="editor" rows={7} value={draft.overrides[c.id]} onChange={(e) => setOverride(c.id, e.target.value)} onPaste={onPaste}
                  aria-describedby={`counter-${c.id} ${describedBy}`} />
              </>
            ) : (
              <p className="muted">{t('composer.usesBase')}</p>
            )}
            <div id={`counter-${c.id}`} className="counters">{check ? <Counter network={check.network} name={check.name} count={check.count} /> : null}</div>
          </Tabs.Content>
        );
      })}
    </Tabs.Root>
  );
}
