/**
 * Images and videos: drop them here, pick them, or paste them into the text; each shows a
 * thumbnail, a field for its alt text, and buttons to move or remove it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowLeft, ArrowRight, ImagePlus, X } from 'lucide-react';
import { mediaUrl, uploadMedia } from '../../api/posts';
import { formatBytes } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { ErrorNote } from '../../ui/ErrorNote';
import { mediaFromApi, type ComposerDraft, type DraftMedia } from './draft';

interface Props {
  workspaceId: string;
  media: DraftMedia[];
  update(change: (d: ComposerDraft) => Partial<ComposerDraft>): void;
  /** Files pasted into the text, handed over by the editor. */
  uploaderRef?: React.MutableRefObject<((files: File[]) => void) | null>;
}

export function MediaField({ workspaceId, media, update, uploaderRef }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [uploading, setUploading] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [over, setOver] = useState(false);

  const upload = async (files: File[]) => {
    setError(null);
    for (const file of files) {
      setUploading((u) => [...u, file.name]);
      try {
        const m = await uploadMedia(workspaceId, file);
        update((d) => ({ media: [...d.media, mediaFromApi(m)] }));
      } catch (err) {
        setError(err);
      } finally {
        setUploading((u) => u.filter((n) => n !== file.name));
      }
    }
  };
  if (uploaderRef) uploaderRef.current = (files) => void upload(files);

  const setItem = (index: number, change: Partial<DraftMedia>) => update((d) => ({ media: d.media.map((m, i) => (i === index ? { ...m, ...change } : m)) }));
  const move = (index: number, by: number) => update((d) => {
    const list = [...d.media];
    const [item] = list.splice(index, 1);
    list.splice(index + by, 0, item);
    return { media: list };
  });

  return (
    <fieldset className="media-field">
      <legend>{t('composer.media')}</legend>
      <div className={`dropzone${over ? ' dropzone--over' : ''}`} data-testid="dropzone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); void upload([...e.dataTransfer.files]); }}>
        <ImagePlus aria-hidden="true" />
        <span>{t('composer.dropHere')}</span>
        <label className="button">
          {t('composer.chooseFiles')}
          <input type="file" className="visually-hidden" multiple accept="image/*,video/*" aria-label={t('composer.chooseFiles')}
            onChange={(e) => { void upload([...(e.target.files ?? [])]); e.target.value = ''; }} />
        </label>
      </div>
      {uploading.length > 0 ? <p role="status" className="muted">{t('composer.uploading', { names: uploading.join(', ') })}</p> : null}
      <ErrorNote error={error} />
      {media.length > 0 ? (
        <ul className="thumbs" role="list">
          {media.map((m, i) => (
            <li key={`${m.mediaId}-${i}`} className="thumb">
              {m.kind === 'video'
                ? <video src={mediaUrl(workspaceId, m.mediaId)} preload="metadata" muted aria-label={t('composer.mediaN', { n: i + 1 })} />
                : <img src={mediaUrl(workspaceId, m.mediaId)} alt={m.alt || t('composer.mediaN', { n: i + 1 })} />}
              <span className="thumb__meta">{m.width && m.height ? `${m.width}×${m.height} · ` : ''}{formatBytes(m.size, fmt.locale)}</span>
              <label className="field__label" htmlFor={`alt-${i}`}>{t('composer.altFor', { n: i + 1 })}</label>
              <textarea id={`alt-${i}`} rows={2} value={m.alt} onChange={(e) => setItem(i, { alt: e.target.value })} placeholder={t('composer.altHint')} />
              <div className="thumb__actions">
                <button type="button" className="icon-button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('composer.moveEarlier', { n: i + 1 })}><ArrowLeft aria-hidden="true" size={16} /></button>
                <button type="button" className="icon-button" disabled={i === media.length - 1} onClick={() => move(i, 1)} aria-label={t('composer.moveLater', { n: i + 1 })}><ArrowRight aria-hidden="true" size={16} /></button>
                <button type="button" className="icon-button" onClick={() => update((d) => ({ media: d.media.filter((_, j) => j !== i) }))} aria-label={t('composer.removeMedia', { n: i + 1 })}><X aria-hidden="true" size={16} /></button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
