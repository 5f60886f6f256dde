/**
 * One channel's tab in the composer: its own text, its own images and videos (another set, order or
 * alt text) and its own thread — each either the channel's or the one written for all channels.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { Counter } from './Counter';
import type { TargetCheck } from './checks';
import { isBlankFollowup, type ComposerDraft, type DraftFollowup } from './draft';
import { Followups } from './Followups';
import { MediaField } from './MediaField';

type Update = (change: Partial<ComposerDraft> | ((d: ComposerDraft) => Partial<ComposerDraft>)) => void;

interface Props {
  workspaceId: string;
  channel: Channel;
  draft: ComposerDraft;
  check: TargetCheck | undefined;
  update: Update;
  describedBy: string;
  onPaste(e: React.ClipboardEvent, upload: ((files: File[]) => void) | null): void;
}

/** Sets or (with undefined) removes one channel's entry of an override map. */
function setEntry<T>(map: Record<string, T> | undefined, id: string, value: T | undefined): Record<string, T> {
  const next = { ...map };
  if (value === undefined) delete next[id];
  else next[id] = value;
  return next;
}

export const hasOwnContent = (d: ComposerDraft, id: string) => id in d.overrides || id in (d.mediaOverrides ?? {}) || id in (d.followupOverrides ?? {});

export function ChannelTab({ workspaceId, channel: c, draft, check, update, describedBy, onPaste }: Props) {
  const { t } = useTranslation();
  const uploader = useRef<((files: File[]) => void) | null>(null);
  const ownText = c.id in draft.overrides;
  const ownMedia = draft.mediaOverrides?.[c.id];
  const ownFollowups = draft.followupOverrides?.[c.id];
  const setText = (text: string | undefined) => update((d) => ({ overrides: setEntry(d.overrides, c.id, text) }));
  const setMedia = (change: (m: ComposerDraft['media']) => ComposerDraft['media']) =>
    update((d) => ({ mediaOverrides: setEntry(d.mediaOverrides, c.id, change(d.mediaOverrides?.[c.id] ?? d.media)) }));
  const setFollowups = (change: (f: DraftFollowup[]) => DraftFollowup[]) =>
    update((d) => ({ followupOverrides: setEntry(d.followupOverrides, c.id, change(d.followupOverrides?.[c.id] ?? d.followups)) }));
  return (
    <div className="stack">
      <label className="check">
        <input type="checkbox" checked={ownText} onChange={(e) => setText(e.target.checked ? draft.text : undefined)} />
        {t('composer.customize', { name: c.name })}
      </label>
      {ownText ? (
        <>
          <label className="field__label" htmlFor={`text-${c.id}`}>{t('composer.textFor', { name: c.name })}</label>
          <textarea id={`text-${c.id}`} className="editor" rows={7} value={draft.overrides[c.id]} onChange={(e) => setText(e.target.value)}
            onPaste={(e) => onPaste(e, ownMedia ? uploader.current : null)} aria-describedby={`counter-${c.id} ${describedBy}`} />
        </>
      ) : (
        <p className="muted">{t('composer.usesBase')}</p>
      )}
      <div id={`counter-${c.id}`} className="counters">{check ? <Counter network={check.network} name={check.name} count={check.count} /> : null}</div>

      <label className="check">
        <input type="checkbox" checked={Boolean(ownMedia)}
          onChange={(e) => update((d) => ({ mediaOverrides: setEntry(d.mediaOverrides, c.id, e.target.checked ? d.media : undefined) }))} />
        {t('overrides.ownMedia', { name: c.name })}
      </label>
      {ownMedia
        ? <MediaField workspaceId={workspaceId} media={ownMedia} onChange={setMedia} channelName={c.name} uploaderRef={uploader} />
        : <p className="muted">{t('overrides.usesBaseMedia', { count: draft.media.length })}</p>}

      <label className="check">
        <input type="checkbox" checked={Boolean(ownFollowups)}
          onChange={(e) => update((d) => ({ followupOverrides: setEntry(d.followupOverrides, c.id, e.target.checked ? d.followups : undefined) }))} />
        {t('overrides.ownFollowups', { name: c.name })}
      </label>
      {ownFollowups
        ? <Followups workspaceId={workspaceId} followups={ownFollowups} onChange={setFollowups} channelName={c.name}
            targets={check ? [{ key: check.key, network: check.network, name: check.name }] : []} />
        : <p className="muted">{t('overrides.usesBaseFollowups', { count: draft.followups.filter((f) => !isBlankFollowup(f)).length })}</p>}
    </div>
  );
}
