/** The link a post carries as a card: its preview (title, description, image) read by the server. */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchLinkPreview } from '../../api/posts';
import type { LinkPreview } from '../../api/types';
import { useWorkspaceId } from '../../app/workspace';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The card for a link, after the user stopped typing for a moment. */
export function useLinkPreview(workspaceId: string, link: string) {
  const [debounced, setDebounced] = useState(link);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(link.trim()), 600);
    return () => window.clearTimeout(timer);
  }, [link]);
  return useQuery({
    queryKey: ['link-preview', workspaceId, debounced],
    enabled: isHttpUrl(debounced),
    queryFn: () => fetchLinkPreview(workspaceId, debounced),
    staleTime: 10 * 60_000,
    retry: false,
  });
}

export function LinkField({ link, onChange, preview }: { link: string; onChange(link: string): void; preview: ReturnType<typeof useLinkPreview> }) {
  const { t } = useTranslation();
  const invalid = link.trim() !== '' && !isHttpUrl(link.trim());
  return (
    <div className="link-field">
      <Field label={t('composer.link')} hint={t('composer.linkHint')} error={invalid ? t('composer.linkInvalid') : undefined}>
        <input type="url" value={link} onChange={(e) => onChange(e.target.value)} placeholder="https://" inputMode="url" />
      </Field>
      {preview.isFetching ? <p className="muted" role="status">{t('composer.linkLoading')}</p> : null}
      {preview.error ? <ErrorNote error={preview.error} /> : null}
      {preview.data ? <LinkCard preview={preview.data} /> : null}
    </div>
  );
}

export function LinkCard({ preview, compact = false }: { preview: LinkPreview; compact?: boolean }) {
  const host = (() => { try { return new URL(preview.url).host; } catch { return preview.url; } })();
  const workspaceId = useWorkspaceId();
  // Fetched by the server: `http:` images too (the page's policy allows only https ones), and the
  // linked site never sees the user's address.
  const image = preview.imageUrl && /^https?:\/\//.test(preview.imageUrl)
    ? `/api/v1/workspaces/${workspaceId}/link-preview/image?url=${encodeURIComponent(preview.imageUrl)}`
    : null;
  return (
    <div className={`link-card${compact ? ' link-card--compact' : ''}`}>
      {image ? <img src={image} alt="" loading="lazy" onError={(e) => { e.currentTarget.hidden = true; }} /> : null}
      <div className="link-card__body">
        <span className="link-card__host">{host}</span>
        <strong>{preview.title ?? preview.url}</strong>
        {preview.description && !compact ? <span className="link-card__desc">{preview.description}</span> : null}
      </div>
    </div>
  );
}
