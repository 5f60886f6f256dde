/**
 * Every network Varde knows: connect the ones this server offers, see what the operator must
 * configure for the others it offers, and which are coming. Read from GET /api/v1/networks, so a
 * new provider on the server appears here by itself.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNetworks } from '../../api/channels';
import type { NetworkInfo } from '../../api/types';
import { NetworkBadge } from '../../ui/badges';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { ConnectDialog } from './ConnectDialog';
import { OAuthButton } from './OAuthConnect';

export function ConnectPanel() {
  const { t } = useTranslation();
  const networks = useNetworks();
  const [connecting, setConnecting] = useState<string | null>(null);
  const list = [...(networks.data?.networks ?? [])].sort((a, b) => rank(a) - rank(b));
  return (
    <section aria-labelledby="connect-heading">
      <h2 id="connect-heading">{t('channels.connectTitle')}</h2>
      {networks.isPending ? <Loading /> : null}
      <ErrorNote error={networks.error} />
      <ul className="tiles" role="list">
        {list.map((n) => (
          <li key={n.network} className={`tile${n.offered ? '' : ' tile--coming'}`}>
            <NetworkBadge network={n.network} decorative />
            <span className="tile__name">{n.name}{n.beta ? <span className="tag">{t('channels.beta')}</span> : null}</span>
            <NetworkAction info={n} onConnect={() => setConnecting(n.network)} />
          </li>
        ))}
      </ul>
      {connecting ? <ConnectDialog network={connecting} open onOpenChange={(o) => { if (!o) setConnecting(null); }} /> : null}
    </section>
  );
}

function rank(n: NetworkInfo): number {
  if (n.offered && n.configured) return 0;
  return n.offered ? 1 : 2;
}

function NetworkAction({ info, onConnect }: { info: NetworkInfo; onConnect(): void }) {
  const { t } = useTranslation();
  if (!info.offered) return <span className="tile__note">{t('channels.coming')}</span>;
  if (!info.configured) {
    return (
      <span className="tile__note">
        {t('channels.needsSetup')} <code>{info.missingSettings.join(', ')}</code>
      </span>
    );
  }
  if (info.connect === 'oauth') return <OAuthButton network={info.network} name={info.name} />;
  return (
    <button type="button" className="button button--primary" onClick={onConnect} aria-label={t('channels.connectNetwork', { name: info.name })}>
      {t('channels.connect')}
    </button>
  );
}
