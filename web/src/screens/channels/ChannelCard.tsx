/** One connected channel: who it is, whether it works, its posting times, and what can be done. */
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CircleAlert, CheckCircle2, Ban } from 'lucide-react';
import { useRemoveChannel } from '../../api/channels';
import type { Channel } from '../../api/types';
import { useWorkspaceId } from '../../app/workspace';
import { NetworkBadge } from '../../ui/badges';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';
import { ScheduleDialog } from './ScheduleEditor';
import { ConnectDialog } from './ConnectDialog';

export function ChannelCard({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const toast = useToast();
  const remove = useRemoveChannel(workspaceId);
  const [dialog, setDialog] = useState<'schedule' | 'reconnect' | 'remove' | null>(null);
  const close = (open: boolean) => { if (!open) setDialog(null); };
  const slots = channel.schedule.slots.length;
  return (
    <article className={`card channel channel--${channel.status}`} aria-labelledby={`ch-${channel.id}`}>
      <div className="channel__head">
        <NetworkBadge network={channel.network} />
        <div>
          <h3 id={`ch-${channel.id}`}>{channel.name}</h3>
          <p className="muted">{channel.handle}{channel.settings && typeof channel.settings.url === 'string' ? ` · ${channel.settings.url}` : ''}</p>
        </div>
      </div>
      <ChannelStatus channel={channel} />
      <p className="muted">{slots > 0 ? t('channels.slotsSummary', { count: slots, zone: channel.schedule.timezone }) : t('channels.noSlots')}</p>
      <div className="actions actions--start">
        <button type="button" className="button" onClick={() => setDialog('schedule')}>{t('channels.postingTimes')}</button>
        <Link className="button" to={`/w/${workspaceId}/channels/${channel.id}/queue`}>{t('channels.queue')}</Link>
        <Link className="button" to={`/w/${workspaceId}/channels/${channel.id}/performance`}>{t('perf.link')}</Link>
        <button type="button" className={`button${channel.status === 'needs_reconnect' ? ' button--primary' : ''}`} onClick={() => setDialog('reconnect')}>{t('channels.reconnect')}</button>
        <button type="button" className="button button--quiet" onClick={() => setDialog('remove')}>{t('channels.remove')}</button>
      </div>
      <ErrorNote error={remove.error} />
      {dialog === 'schedule' ? <ScheduleDialog channel={channel} open onOpenChange={close} /> : null}
      {dialog === 'reconnect' ? <ConnectDialog network={channel.network} channel={channel} open onOpenChange={close} /> : null}
      <ConfirmDialog open={dialog === 'remove'} onOpenChange={close} danger busy={remove.isPending}
        title={t('channels.removeTitle', { name: channel.name })} body={t('channels.removeBody')} confirmLabel={t('channels.remove')}
        onConfirm={() => remove.mutate(channel.id, { onSuccess: () => { setDialog(null); toast(t('channels.removed', { name: channel.name })); } })} />
    </article>
  );
}

function ChannelStatus({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  if (channel.status === 'needs_reconnect') {
    return <p className="note note--warning"><CircleAlert aria-hidden="true" size={16} /> {t('channels.needsReconnect')}{channel.statusReason ? ` — ${channel.statusReason}` : ''}</p>;
  }
  if (channel.status === 'disabled') return <p className="note"><Ban aria-hidden="true" size={16} /> {t('channels.disabled')}</p>;
  return <p className="channel__ok"><CheckCircle2 aria-hidden="true" size={16} /> {t('channels.active')}</p>;
}
