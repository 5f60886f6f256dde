/**
 * The page a client review link opens, without an account and outside the workspace: the posts of
 * the link's period as each network will show them, and for each Approve, Reject (with a reason)
 * and Comment, signed with the name the reviewer gives. An expired or revoked link says so.
 */
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useClientReview } from '../../api/approvals';
import { LanguageSelect } from '../../app/LanguageSelect';
import { useFormat } from '../../i18n/format';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { ClientPost } from './ClientPost';

const NAME_KEY = 'varde.reviewer-name';

export default function ClientReviewPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const token = useParams().token!;
  const review = useClientReview(token);
  const [name, setName] = useState(() => localStorage.getItem(NAME_KEY) ?? '');
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => { localStorage.setItem(NAME_KEY, name); }, [name]);
  const r = review.data;
  useEffect(() => { if (r) document.title = `${t('clientReview.title', { name: r.name })} · Varde`; }, [r, t]);
  const dead = review.error instanceof ApiError && (review.error.status === 404 || review.error.status === 403) ? review.error : null;

  return (
    <div className="client-review">
      <header className="client-review__top">
        <span className="brand"><img src="/favicon.svg" alt="" width={24} height={24} /> <span>Varde</span></span>
        <LanguageSelect />
      </header>
      <main id="main" className="page client-review__main">
        {review.isPending ? <Loading /> : null}
        {dead ? (
          <div className="note note--error" role="alert" data-review-error={dead.status === 403 ? 'expired' : 'invalid'}>
            <p>{dead.status === 403 ? t('clientReview.expired') : t('clientReview.notValid')}</p>
          </div>
        ) : <ErrorNote error={review.error} />}
        {r ? (
          <>
            <h1>{t('clientReview.title', { name: r.name })}</h1>
            <p className="lead">{t('clientReview.intro', { workspace: r.workspace, from: fmt.date(r.from), to: fmt.date(new Date(Date.parse(r.to) - 1).toISOString()) })}</p>
            <p className="muted">{t('clientReview.expires', { time: fmt.dateTime(r.expiresAt) })}</p>
            <div className="field client-review__name">
              <label htmlFor="reviewer-name" className="field__label">{t('clientReview.yourName')}</label>
              <input id="reviewer-name" ref={nameField} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="name" aria-describedby="reviewer-name-hint" />
              <p id="reviewer-name-hint" className="field__hint">{t('clientReview.yourNameHint')}</p>
            </div>
            {r.posts.length === 0 ? <p className="muted">{t('clientReview.none')}</p> : null}
            <ol className="client-review__posts" role="list">
              {r.posts.map((p) => (
                <li key={p.id}><ClientPost token={token} post={p} name={name.trim()} askName={() => nameField.current?.focus()} /></li>
              ))}
            </ol>
          </>
        ) : null}
      </main>
    </div>
  );
}
