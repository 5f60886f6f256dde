/** Channels: the connected ones with their status and posting times, and every network to connect. */
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useChannels } from '../../api/channels';
import { useWorkspaceId } from '../../app/workspace';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { ChannelCard } from './ChannelCard';
import { ConnectPanel } from './ConnectPanel';
import { OAuthReturn } from './OAuthConnect';

export default function ChannelsPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const channels = useChannels(workspaceId);
  const [params, setParams] = useSearchParams();
  const oauthState = params.get('oauth');
  const needReconnect = (channels.data ?? []).filter((c) => c.status === 'needs_reconnect');
  return (
    <div className="page">
      <h1>{t('channels.title')}</h1>
      {needReconnect.length > 0 ? (
        <p className="note note--warning" role="alert">{t('channels.reconnectBanner', { count: needReconnect.length, names: needReconnect.map((c) => c.name).join(', ') })}</p>
      ) : null}
      <section aria-labelledby="connected-heading">
        <h2 id="connected-heading">{t('channels.yours')}</h2>
        {channels.isPending ? <Loading /> : null}
        <ErrorNote error={channels.error} />
        {channels.data?.length === 0 ? <p className="muted">{t('channels.none')}</p> : null}
        <ul className="cards" role="list">
          {channels.data?.map((c) => <li key={c.id}><ChannelCard channel={c} /></li>)}
        </ul>
      </section>
      <ConnectPanel />
      {oauthState ? <OAuthReturn state={oauthState} onDone={() => setParams({}, { replace: true })} /> : null}
    </div>
  );
}
