/**
 * The text: one base text for every target, and a tab per chosen channel to write a different
 * text (and use other media or another thread) for it. Each shows the live count of every network
 * that will receive that text.
 */
import { Tabs } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { NetworkBadge } from '../../ui/badges';
import { ChannelTab, hasOwnContent } from './ChannelTab';
import { Counter } from './Counter';
import type { TargetCheck } from './checks';
import type { ComposerDraft } from './draft';

interface Props {
  workspaceId: string;
  draft: ComposerDraft;
  channels: Channel[];
  checks: TargetCheck[];
  update(change: Partial<ComposerDraft> | ((d: ComposerDraft) => Partial<ComposerDraft>)): void;
  onPasteFiles(files: File[]): void;
  describedBy: string;
}

export function TextEditor({ workspaceId, draft, channels, checks, update, onPasteFiles, describedBy }: Props) {
  const { t } = useTranslation();
  const chosen = draft.channelIds.map((id) => channels.find((c) => c.id === id)).filter((c): c is Channel => Boolean(c));
  /** Files pasted into a text go to its media: the channel's own, if it has them, or the base ones. */
  const onPaste = (e: React.ClipboardEvent, upload: ((files: File[]) => void) | null = null) => {
    const files = [...e.clipboardData.files].filter((f) => /^(image|video)\//.test(f.type));
    if (files.length) {
      e.preventDefault();
      (upload ?? onPasteFiles)(files);
    }
  };
  return (
    <Tabs.Root defaultValue="base" className="text-tabs">
      <Tabs.List className="tabs" aria-label={t('composer.textTabs')}>
        <Tabs.Trigger value="base" className="tabs__tab">{t('composer.baseTab')}</Tabs.Trigger>
        {chosen.map((c) => (
          <Tabs.Trigger key={c.id} value={c.id} className="tabs__tab">
            <NetworkBadge network={c.network} size="sm" /> {c.name}
            {hasOwnContent(draft, c.id) ? <span className="tabs__dot" title={t('composer.customized')}><span className="visually-hidden">({t('composer.customized')})</span></span> : null}
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
      {chosen.map((c) => (
        <Tabs.Content key={c.id} value={c.id} className="tabs__panel">
          <ChannelTab workspaceId={workspaceId} channel={c} draft={draft} check={checks.find((x) => x.channelId === c.id)} update={update} describedBy={describedBy} onPaste={onPaste} />
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
