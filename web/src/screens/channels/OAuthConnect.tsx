/**
 * Networks connected by logging in there (OAuth): start sends the browser to the network; it comes
 * back to the channels page with ?oauth=<state>, where the accounts the login gave are added (or
 * picked, when there are several: pages, organisations, boards).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { channelsKey } from '../../api/channels';
import { useWorkspaceId } from '../../app/workspace';
import { networkLook } from '../../lib/networks';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';

export function OAuthButton({ network, name }: { network: string; name: string }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [instance, setInstance] = useState('');
  const [error, setError] = useState<unknown>(null);
  const needsInstance = network === 'mastodon';
  const start = async () => {
    setError(null);
    try {
      const res = await unwrap(api.POST('/api/v1/workspaces/{workspaceId}/channels/oauth/{network}/start', {
        params: { path: { workspaceId, network } },
        body: { returnTo: `/w/${workspaceId}/channels`, instance: needsInstance ? instance : undefined },
      }));
      window.location.assign(res.authorizeUrl);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <span className="tile__oauth">
      {needsInstance ? (
        <input aria-label={t('channels.instance')} placeholder="mastodon.social" value={instance} onChange={(e) => setInstance(e.target.value)} />
      ) : null}
      <button type="button" className="button button--primary" onClick={() => void start()} aria-label={t('channels.connectNetwork', { name })}>{t('channels.connect')}</button>
      <ErrorNote error={error} />
    </span>
  );
}

/** Back from the network (?oauth=<state>): add the account, or let the user pick among several. */
export function OAuthReturn({ state, onDone }: { state: string; onDone(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const workspaceId = useWorkspaceId();
  const toast = useToast();
  const signIn = useQuery({
    queryKey: ['oauth', workspaceId, state],
    queryFn: () => unwrap(api.GET('/api/v1/workspaces/{workspaceId}/channels/oauth/{state}', { params: { path: { workspaceId, state } } })),
  });
  const [picked, setPicked] = useState<string[]>([]);
  const pick = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/workspaces/{workspaceId}/channels/oauth/{state}/pick', { params: { path: { workspaceId, state } }, body: { externalIds: picked } })),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: channelsKey(workspaceId) }); toast(t('channels.connected')); onDone(); },
  });
  useEffect(() => {
    if (signIn.data?.status === 'done') {
      void qc.invalidateQueries({ queryKey: channelsKey(workspaceId) });
      toast(t('channels.connected'));
      onDone();
    }
  }, [signIn.data?.status]); // eslint-disable-line react-hooks/exhaustive-deps
  const data = signIn.data;
  const open = Boolean(signIn.error || data?.status === 'failed' || data?.status === 'awaiting_pick');
  return (
    <Dialog open={open} onOpenChange={(o) => { if (!o) onDone(); }} title={t('channels.oauthTitle', { name: data ? networkLook(data.network).name : '' })}>
      <ErrorNote error={signIn.error} />
      {data?.status === 'failed' ? <p className="note note--error" role="alert">{data.error}</p> : null}
      {data?.status === 'awaiting_pick' ? (
        <form onSubmit={(e) => { e.preventDefault(); pick.mutate(); }}>
          <fieldset className="stack">
            <legend>{t('channels.pickAccounts')}</legend>
            {data.candidates.map((c) => (
              <label key={c.externalId} className="check">
                <input type="checkbox" checked={picked.includes(c.externalId)} onChange={(e) => setPicked((p) => (e.target.checked ? [...p, c.externalId] : p.filter((x) => x !== c.externalId)))} />
                {c.name} <span className="muted">{c.handle}</span>
              </label>
            ))}
          </fieldset>
          <ErrorNote error={pick.error} />
          <div className="actions"><button type="submit" className="button button--primary" disabled={picked.length === 0 || pick.isPending}>{t('channels.addPicked')}</button></div>
        </form>
      ) : null}
    </Dialog>
  );
}
