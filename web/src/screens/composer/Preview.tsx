/**
 * How the post will look on each target: the account, the text as the network shows it (folded
 * behind "more", links marked, anything past the limit struck out), the image grid or the link
 * card, and the thread below. `NetworkPreview` draws one from plain values, for screens outside the
 * composer (approvals, client review pages).
 */
import { useTranslation } from 'react-i18next';
import { PLATFORM_RULES } from '../../../../src/core/platform-rules';
import type { NetworkSlug } from '../../../../src/core/networks';
import type { Channel, LinkPreview } from '../../api/types';
import { mediaUrl } from '../../api/posts';
import { networkLook } from '../../lib/networks';
import { NetworkBadge } from '../../ui/badges';
import type { TargetCheck } from './checks';
import type { ComposerDraft } from './draft';
import { LinkCard } from './LinkField';
import { linkSegments, splitForPreview } from './preview-text';

interface Props {
  workspaceId: string;
  draft: ComposerDraft;
  checks: TargetCheck[];
  channels: Channel[];
  linkPreview: LinkPreview | undefined;
}

export function PreviewPanel(props: Props) {
  const { t } = useTranslation();
  return (
    <section className="preview-panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('composer.preview')}</h2>
      {props.checks.length === 0 ? <p className="muted">{t('composer.previewEmpty')}</p> : null}
      {props.checks.map((c) => <PostPreview key={c.key} {...props} check={c} />)}
    </section>
  );
}

function Text({ network, text }: { network: NetworkSlug; text: string }) {
  const { t } = useTranslation();
  const parts = splitForPreview(network, text);
  return (
    <p className="pv__text">
      {linkSegments(parts.shown).map((s, i) => (s.link ? <span key={i} className="pv__link">{s.text}</span> : s.text))}
      {parts.folded ? <span className="pv__more">… {t('composer.previewMore')}</span> : null}
      {parts.overflow ? <del className="pv__overflow" title={t('composer.previewCut')}>{parts.overflow}</del> : null}
    </p>
  );
}

function PostPreview({ workspaceId, draft, check, channels, linkPreview }: Props & { check: TargetCheck }) {
  const channel = channels.find((c) => c.id === check.channelId);
  return (
    <NetworkPreview
      network={check.network} name={channel?.name ?? check.name} handle={channel?.handle ?? null} text={check.text}
      media={check.media.map((m) => ({ url: mediaUrl(workspaceId, m.mediaId), alt: m.alt, kind: m.kind }))}
      followups={check.followups.map((f) => ({ text: f.text, media: f.media.map((m) => ({ url: mediaUrl(workspaceId, m.mediaId), alt: m.alt, kind: m.kind })) }))}
      linkPreview={linkPreview} />
  );
}

export interface PreviewMedia {
  url: string;
  alt: string | null;
  /** `video` is drawn as a player (labelled with the alt text); anything else as an image. */
  kind?: string;
}

/** One follow-up of the thread: its text, and its images and videos where it has them. */
export interface PreviewFollowup {
  text: string;
  media?: PreviewMedia[];
}

export interface NetworkPreviewProps {
  network: NetworkSlug;
  /** The channel's name; `handle` null means a network only checked against. */
  name: string;
  handle: string | null;
  text: string;
  media: PreviewMedia[];
  followups: (string | PreviewFollowup)[];
  linkPreview?: LinkPreview;
  /** A link shown as an address where there is no card to show (e.g. on a client's review page). */
  link?: string | null;
}

/** One network's preview from plain values: used by the composer, the approvals screen and client review pages. */
export function NetworkPreview({ network, name, handle, text, media: all, followups, linkPreview, link }: NetworkPreviewProps) {
  const { t } = useTranslation();
  const rules = PLATFORM_RULES[network];
  const look = networkLook(network);
  const showCard = all.length === 0 && linkPreview && rules.capabilities.linkCard;
  const thread = rules.thread.supported
    ? followups.map((f) => (typeof f === 'string' ? { text: f, media: [] } : { text: f.text, media: f.media ?? [] })).filter((f) => f.text.trim() !== '' || f.media.length > 0)
    : [];
  return (
    <article className="pv" aria-label={t('composer.previewOn', { name, network: look.name })} data-network={network}>
      <header className="pv__head">
        <NetworkBadge network={network} />
        <span><strong>{name}</strong> <span className="muted">{handle ?? t('composer.previewOnly')}</span></span>
      </header>
      {network === 'webhook' ? <p className="muted pv__note">{t('composer.previewWebhook')}</p> : null}
      <Text network={network} text={text} />
      <MediaGrid network={network} media={all} />
      {showCard ? <LinkCard preview={linkPreview} compact={network === 'x'} /> : null}
      {!showCard && link ? <p className="pv__note"><span className="pv__link">{link}</span></p> : null}
      {thread.length > 0 ? (
        <ol className="pv__thread" aria-label={t('composer.followups')}>
          {thread.map((f, i) => <li key={i}><Text network={network} text={f.text} /><MediaGrid network={network} media={f.media} /></li>)}
        </ol>
      ) : null}
    </article>
  );
}

/** The images and videos as the network lays them out: up to four in a grid, "+N" past that, and a note for those it drops; a video plays in place. */
function MediaGrid({ network, media: all }: { network: NetworkSlug; media: PreviewMedia[] }) {
  const { t } = useTranslation();
  const media = all.slice(0, Math.max(PLATFORM_RULES[network].media.maxItems, 1));
  const extra = all.length - media.length;
  return (
    <>
      {media.length > 0 ? (
        <div className={`pv__grid pv__grid--${Math.min(media.length, 4)}`}>
          {media.slice(0, 4).map((m, i) => (
            <div key={i} className="pv__cell">
              {m.kind === 'video'
                ? <video src={m.url} controls preload="metadata" aria-label={m.alt ? t('composer.previewVideoAlt', { alt: m.alt }) : t('composer.previewVideo')} />
                : <img src={m.url} alt={m.alt ?? ''} />}
              {i === 3 && media.length > 4 ? <span className="pv__plus">+{media.length - 4}</span> : null}
            </div>
          ))}
        </div>
      ) : null}
      {extra > 0 ? <p className="pv__note">{t('composer.previewDropped', { count: extra })}</p> : null}
    </>
  );
}
