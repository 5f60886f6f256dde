/**
 * Images and videos: drop them here, pick them, or paste them into the text; each shows a
 * thumbnail, a field for its alt text, and buttons to move or remove it. The same field edits a
 * channel's own set (`channelName`), labelled with the channel's name, and a follow-up's (`labelFor`).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowLeft, ArrowRight, ImagePlus, X } from 'lucide-react';
import { mediaUrl, uploadMedia } from '../../api/posts';
import { formatBytes } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { ErrorNote } from '../../ui/ErrorNote';
import { mediaFromApi, type DraftMedia } from './draft';

export type MediaKey = 'media' | 'chooseFiles' | 'mediaN' | 'altFor' | 'moveEarlier' | 'moveLater' | 'removeMedia';

interface Props {
  workspaceId: string;
  media: DraftMedia[];
  onChange(change: (media: DraftMedia[]) => DraftMedia[]): void;
  /** Editing this channel's own images and videos. */
  channelName?: string;
  /** Files pasted into the text, handed over by the editor. */
  uploaderRef?: React.MutableRefObject<((files: File[]) => void) | null>;
  /** Labels of another set (a follow-up's images), instead of the post's or the channel's. */
  labelFor?: (key: MediaKey, vars: Record<string, unknown>) => string;
}

export function MediaField({ workspaceId, media, onChange, channelName, uploaderRef, labelFor }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const idPrefix = useId();
  const label = (key: MediaKey, vars: Record<string, unknown> = {}) =>
    labelFor ? labelFor(key, vars) : channelName === undefined ? t(`composer.${key}`, vars) : t(`overrides.${key}`, { ...vars, name: channelName });
  const [uploading, setUploading] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [over, setOver] = useState(false);

  const upload = async (files: File[]) => {
    setError(null);
    for (const file of files) {
      setUploading((u) => [...u, file.name]);
      try {
        const m = await uploadMedia(workspaceId, file);
        onChange((list) => [...list, mediaFromApi(m)]);
      } catch (err) {
        setError(err);
      } finally {
        setUploading((u) => u.filter((n) => n !== file.name));
      }
    }
  };
  if (uploaderRef) uploaderRef.current = (files) => void upload(files);

  const setItem = (index: number, change: Partial<DraftMedia>) => onChange((list) => list.map((m, i) => (i === index ? { ...m, ...change } : m)));
  const move = (index: number, by: number) => onChange((current) => {
    const list = [...current];
    const [item] = list.splice(index, 1);
    list.splice(index + by, 0, item);
    return list;
  });

  return (
    <fieldset className="media-field">
      <legend>{label('media')}</legend>
      <div className={`dropzone${over ? ' dropzone--over' : ''}`} data-testid="dropzone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); void upload([...e.dataTransfer.files]); }}>
        <ImagePlus aria-hidden="true" />
        <span>{t('composer.dropHere')}</span>
        <label className="button">
          {t('composer.chooseFiles')}
          <input type="file" className="visually-hidden" multiple accept="image/*,video/*" aria-label={label('chooseFiles')}
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
                ? <video src={mediaUrl(workspaceId, m.mediaId)} preload="metadata" muted aria-label={label('mediaN', { n: i + 1 })} />
                : <img src={mediaUrl(workspaceId, m.mediaId)} alt={m.alt || label('mediaN', { n: i + 1 })} />}
              <span className="thumb__meta">{m.width && m.height ? `${m.width}×${m.height} · ` : ''}{formatBytes(m.size, fmt.locale)}</span>
              <label className="field__label" htmlFor={`${idPrefix}alt-${i}`}>{label('altFor', { n: i + 1 })}</label>
              <textarea id={`${idPrefix}alt-${i}`} rows={2} value={m.alt} onChange={(e) => setItem(i, { alt: e.target.value })} placeholder={t('composer.altHint')} />
              <div className="thumb__actions">
                <button type="button" className="icon-button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={label('moveEarlier', { n: i + 1 })}><ArrowLeft aria-hidden="true" size={16} /></button>
                <button type="button" className="icon-button" disabled={i === media.length - 1} onClick={() => move(i, 1)} aria-label={label('moveLater', { n: i + 1 })}><ArrowRight aria-hidden="true" size={16} /></button>
                <button type="button" className="icon-button" onClick={() => onChange((list) => list.filter((_, j) => j !== i))} aria-label={label('removeMedia', { n: i + 1 })}><X aria-hidden="true" size={16} /></button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
