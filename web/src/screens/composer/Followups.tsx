/**
 * Follow-ups: the rest of a thread, posted as replies where the network has threads (or a channel's
 * own thread, with `channelName`). Each follow-up has its own images and videos (with alt text,
 * order, paste into its text) and a live count per network of the targets that post it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImagePlus, Plus, X } from 'lucide-react';
import { countText } from '../../../../src/core/text-count';
import type { NetworkSlug } from '../../../../src/core/networks';
import { facts } from './checks';
import { Counter } from './Counter';
import type { DraftFollowup, DraftMedia } from './draft';
import { MediaField, type MediaKey } from './MediaField';

type FollowupKey = 'followups' | 'followupN' | 'addFollowup' | 'removeFollowup';

/** A target whose count a follow-up shows: a channel, or a network only checked against. */
export interface FollowupTarget { key: string; network: NetworkSlug; name: string }

interface Props {
  workspaceId: string;
  followups: DraftFollowup[];
  onChange(change: (followups: DraftFollowup[]) => DraftFollowup[]): void;
  /** The targets that post this thread, each counted on every follow-up. */
  targets: FollowupTarget[];
  /** Editing this channel's own thread. */
  channelName?: string;
}

export function Followups({ workspaceId, followups, onChange, channelName, targets }: Props) {
  const { t } = useTranslation();
  const label = (key: FollowupKey, vars: Record<string, unknown> = {}) =>
    channelName === undefined ? t(`composer.${key}`, vars) : t(`overrides.${key}`, { ...vars, name: channelName });
  return (
    <fieldset className="followups">
      <legend>{label('followups')}</legend>
      {channelName === undefined ? <p className="field__hint">{t('composer.followupsHint')}</p> : null}
      {followups.map((f, i) => (
        <FollowupItem key={i} index={i} followup={f} workspaceId={workspaceId} channelName={channelName} targets={targets} label={label}
          onChange={(change) => onChange((list) => list.map((g, j) => (j === i ? { ...g, ...change(g) } : g)))}
          onRemove={() => onChange((list) => list.filter((_, j) => j !== i))} />
      ))}
      <button type="button" className="button button--small" onClick={() => onChange((list) => [...list, { text: '', media: [] }])}>
        <Plus aria-hidden="true" size={14} /> {label('addFollowup')}
      </button>
    </fieldset>
  );
}

interface ItemProps {
  index: number;
  followup: DraftFollowup;
  workspaceId: string;
  channelName: string | undefined;
  targets: FollowupTarget[];
  label(key: FollowupKey, vars?: Record<string, unknown>): string;
  onChange(change: (f: DraftFollowup) => Partial<DraftFollowup>): void;
  onRemove(): void;
}

function FollowupItem({ index: i, followup: f, workspaceId, channelName, targets, label, onChange, onRemove }: ItemProps) {
  const { t } = useTranslation();
  const id = useId();
  const uploader = useRef<((files: File[]) => void) | null>(null);
  // The media field shows once asked for or once the follow-up has media, and stays when the last one is removed.
  const [adding, setAdding] = useState(f.media.length > 0);
  useEffect(() => { if (f.media.length > 0) setAdding(true); }, [f.media.length]);
  const showMedia = adding || f.media.length > 0;
  const where = channelName === undefined ? t('followupMedia.where', { n: i + 1 }) : t('followupMedia.whereOn', { n: i + 1, name: channelName });
  const mediaLabel = (key: MediaKey, vars: Record<string, unknown>) => t(`followupMedia.${key}`, { ...vars, where });
  const media = f.media.map(facts);
  const onPaste = (e: React.ClipboardEvent) => {
    const files = [...e.clipboardData.files].filter((file) => file.type.startsWith('image/') || file.type.startsWith('video/'));
    if (files.length === 0) return;
    e.preventDefault();
    setAdding(true);
    // The field mounts with this render when it was hidden; hand the files over once it has.
    window.setTimeout(() => uploader.current?.(files), 0);
  };
  return (
    <div className="followup">
      <label className="field__label" htmlFor={`${id}text`}>{label('followupN', { n: i + 1 })}</label>
      <div className="followup__row">
        <textarea id={`${id}text`} rows={3} value={f.text} onChange={(e) => { const text = e.target.value; onChange(() => ({ text })); }} onPaste={onPaste}
          aria-describedby={targets.length > 0 ? `${id}counts` : undefined} />
        <button type="button" className="icon-button" onClick={onRemove} aria-label={label('removeFollowup', { n: i + 1 })}>
          <X aria-hidden="true" size={16} />
        </button>
      </div>
      {targets.length > 0 ? (
        <div id={`${id}counts`} className="counters">
          {targets.map((target) => <Counter key={target.key} network={target.network} name={target.name} count={countText(target.network, f.text, { media })} />)}
        </div>
      ) : null}
      {showMedia ? (
        <MediaField workspaceId={workspaceId} media={f.media} labelFor={mediaLabel} uploaderRef={uploader}
          onChange={(change: (m: DraftMedia[]) => DraftMedia[]) => onChange((g) => ({ media: change(g.media) }))} />
      ) : (
        <button type="button" className="button button--small button--quiet" onClick={() => setAdding(true)}>
          <ImagePlus aria-hidden="true" size={14} /> {t('followupMedia.add', { where })}
        </button>
      )}
    </div>
  );
}
