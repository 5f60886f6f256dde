/**
 * Where the post goes: the workspace's channels, and networks to check the text against although
 * no channel of theirs is connected (planning for them, or seeing how X would count it).
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NETWORKS, NETWORK_NAMES, type NetworkSlug } from '../../../../src/core/networks';
import type { Channel } from '../../api/types';
import { NetworkBadge } from '../../ui/badges';
import type { ComposerDraft } from './draft';

interface Props {
  workspaceId: string;
  channels: Channel[];
  draft: ComposerDraft;
  update(change: Partial<ComposerDraft>): void;
}

export function TargetPicker({ workspaceId, channels, draft, update }: Props) {
  const { t } = useTranslation();
  const toggleChannel = (id: string, on: boolean) => {
    const overrides = { ...draft.overrides };
    if (!on) delete overrides[id];
    update({ channelIds: on ? [...draft.channelIds, id] : draft.channelIds.filter((x) => x !== id), overrides });
  };
  const toggleNetwork = (n: NetworkSlug, on: boolean) => update({ checkNetworks: on ? [...draft.checkNetworks, n] : draft.checkNetworks.filter((x) => x !== n) });
  return (
    <>
      <fieldset className="targets">
        <legend>{t('composer.publishTo')}</legend>
        {channels.length === 0 ? (
          <p className="muted">{t('composer.noChannels')} <Link to={`/w/${workspaceId}/channels`}>{t('composer.connectOne')}</Link></p>
        ) : (
          <div className="chips">
            {channels.map((c) => (
              <label key={c.id} className="chip">
                <input type="checkbox" checked={draft.channelIds.includes(c.id)} onChange={(e) => toggleChannel(c.id, e.target.checked)} />
                <NetworkBadge network={c.network} size="sm" />
                <span>{c.name}</span>
                {c.status === 'needs_reconnect' ? <span className="tag tag--warning">{t('channels.needsReconnectShort')}</span> : null}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <details className="check-networks" open={draft.checkNetworks.length > 0}>
        <summary>{t('composer.alsoCheck')}</summary>
        <fieldset>
          <legend className="visually-hidden">{t('composer.alsoCheck')}</legend>
          <p className="field__hint">{t('composer.alsoCheckHint')}</p>
          <div className="chips">
            {NETWORKS.filter((n) => n !== 'webhook').map((n) => (
              <label key={n} className="chip chip--small">
                <input type="checkbox" checked={draft.checkNetworks.includes(n)} onChange={(e) => toggleNetwork(n, e.target.checked)} />
                <NetworkBadge network={n} size="sm" decorative />
                <span>{NETWORK_NAMES[n]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </details>
    </>
  );
}
