/**
 * Connect (or reconnect) a channel with a form: Bluesky (handle + app password) or a webhook
 * (URL + signing secret). A secret the server generated is shown once, to copy to the receiver.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectChannel, useReconnectChannel, type ConnectInput } from '../../api/channels';
import type { Channel, ConnectedChannel } from '../../api/types';
import { useWorkspaceId } from '../../app/workspace';
import { browserZone } from '../../i18n/format';
import { networkLook } from '../../lib/networks';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';
import { useToast } from '../../ui/Toasts';
import { CopyValue } from '../../ui/CopyValue';

interface Props {
  network: string;
  /** Reconnect this channel instead of adding one. */
  channel?: Channel;
  open: boolean;
  onOpenChange(open: boolean): void;
}

export function ConnectDialog({ network, channel, open, onOpenChange }: Props) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const toast = useToast();
  const connect = useConnectChannel(workspaceId);
  const reconnect = useReconnectChannel(workspaceId);
  const mutation = channel ? reconnect : connect;
  const [secretShown, setSecretShown] = useState<string | null>(null);
  const name = networkLook(network).name;
  const submit = (body: ConnectInput) => {
    const done = (c: ConnectedChannel) => {
      toast(channel ? t('channels.reconnected', { name: c.name }) : t('channels.connectedName', { name: c.name }));
      if (c.secret) setSecretShown(c.secret);
      else onOpenChange(false);
    };
    if (channel) reconnect.mutate({ id: channel.id, body }, { onSuccess: done });
    else connect.mutate(body, { onSuccess: done });
  };
  const title = channel ? t('channels.reconnectTitle', { name: channel.name }) : t('channels.connectNetwork', { name });
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title}>
      {secretShown ? (
        <div className="stack">
          <p>{t('channels.secretOnce')}</p>
          <CopyValue value={secretShown} label={t('channels.secret')} />
          <div className="actions"><button type="button" className="button button--primary" onClick={() => onOpenChange(false)}>{t('common.done')}</button></div>
        </div>
      ) : network === 'bluesky' ? (
        <BlueskyForm reconnect={Boolean(channel)} busy={mutation.isPending} onSubmit={submit} />
      ) : network === 'webhook' ? (
        <WebhookForm reconnect={Boolean(channel)} busy={mutation.isPending} onSubmit={submit} />
      ) : (
        <p>{t('channels.noForm', { name })}</p>
      )}
      <ErrorNote error={mutation.error} />
    </Dialog>
  );
}

type FormProps = { reconnect: boolean; busy: boolean; onSubmit(body: ConnectInput): void };

function CommonFields({ value, onChange }: { value: { name: string; timezone: string }; onChange(v: { name: string; timezone: string }): void }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('channels.channelName')} hint={t('channels.channelNameHint')}>
        <input value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} maxLength={200} />
      </Field>
      <Field label={t('channels.timezone')} hint={t('channels.timezoneHint')}>
        <TimeZoneSelect value={value.timezone} onChange={(timezone) => onChange({ ...value, timezone })} />
      </Field>
    </>
  );
}

function BlueskyForm({ reconnect, busy, onSubmit }: FormProps) {
  const { t } = useTranslation();
  const [v, setV] = useState({ handle: '', appPassword: '', pdsUrl: '', name: '', timezone: browserZone() });
  return (
    <form className="stack" onSubmit={(e) => {
      e.preventDefault();
      onSubmit({ network: 'bluesky', handle: v.handle, appPassword: v.appPassword, pdsUrl: v.pdsUrl || undefined, ...(reconnect ? {} : { name: v.name || undefined, timezone: v.timezone }) });
    }}>
      <Field label={t('channels.handle')} hint={t('channels.handleHint')}>
        <input value={v.handle} onChange={(e) => setV({ ...v, handle: e.target.value })} required autoComplete="username" placeholder="alice.bsky.social" />
      </Field>
      <Field label={t('channels.appPassword')} hint={t('channels.appPasswordHint')}>
        <input type="password" value={v.appPassword} onChange={(e) => setV({ ...v, appPassword: e.target.value })} required autoComplete="off" />
      </Field>
      <details>
        <summary>{t('channels.advanced')}</summary>
        <Field label={t('channels.pdsUrl')} hint={t('channels.pdsUrlHint')}>
          <input type="url" value={v.pdsUrl} onChange={(e) => setV({ ...v, pdsUrl: e.target.value })} placeholder="https://bsky.social" />
        </Field>
      </details>
      {reconnect ? null : <CommonFields value={v} onChange={(c) => setV({ ...v, ...c })} />}
      <div className="actions"><button type="submit" className="button button--primary" disabled={busy}>{reconnect ? t('channels.reconnect') : t('channels.connect')}</button></div>
    </form>
  );
}

function WebhookForm({ reconnect, busy, onSubmit }: FormProps) {
  const { t } = useTranslation();
  const [v, setV] = useState({ url: '', secret: '', verify: false, name: '', timezone: browserZone() });
  return (
    <form className="stack" onSubmit={(e) => {
      e.preventDefault();
      onSubmit({ network: 'webhook', url: v.url, secret: v.secret || undefined, verify: v.verify, ...(reconnect ? {} : { name: v.name || undefined, timezone: v.timezone }) });
    }}>
      <Field label={t('channels.webhookUrl')} hint={t('channels.webhookUrlHint')}>
        <input type="url" value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} required placeholder="https://example.com/hooks/varde" />
      </Field>
      <Field label={t('channels.secret')} hint={t('channels.secretHint')}>
        <input value={v.secret} onChange={(e) => setV({ ...v, secret: e.target.value })} minLength={8} autoComplete="off" spellCheck={false} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={v.verify} onChange={(e) => setV({ ...v, verify: e.target.checked })} /> {t('channels.verify')}
      </label>
      {reconnect ? null : <CommonFields value={v} onChange={(c) => setV({ ...v, ...c })} />}
      <div className="actions"><button type="submit" className="button button--primary" disabled={busy}>{reconnect ? t('channels.reconnect') : t('channels.connect')}</button></div>
    </form>
  );
}
