/** API tokens for scripts and the CLI: create (the secret is shown once), see when each was used, revoke. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateToken, useRevokeToken, useTokens, type Scope } from '../../api/tokens';
import type { NewApiToken } from '../../api/types';
import { useWorkspaceId } from '../../app/workspace';
import { useFormat } from '../../i18n/format';
import { CopyValue } from '../../ui/CopyValue';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

const SCOPES: Scope[] = ['read', 'write', 'publish', 'admin'];

export default function TokensPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const workspaceId = useWorkspaceId();
  const tokens = useTokens(workspaceId);
  const revoke = useRevokeToken(workspaceId);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const active = (tokens.data ?? []).filter((tok) => !tok.revokedAt);
  return (
    <div className="page">
      <h1>{t('tokens.title')}</h1>
      <p className="lead">{t('tokens.intro')}</p>
      <CreateToken workspaceId={workspaceId} />
      <h2>{t('tokens.existing')}</h2>
      {tokens.isPending ? <Loading /> : null}
      <ErrorNote error={tokens.error ?? revoke.error} />
      {active.length === 0 && tokens.data ? <p className="muted">{t('tokens.none')}</p> : null}
      {active.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th scope="col">{t('tokens.name')}</th><th scope="col">{t('tokens.prefix')}</th><th scope="col">{t('tokens.scopes')}</th><th scope="col">{t('tokens.created')}</th><th scope="col">{t('tokens.lastUsed')}</th><th scope="col"><span className="visually-hidden">{t('tokens.actions')}</span></th></tr></thead>
            <tbody>
              {active.map((tok) => (
                <tr key={tok.id}>
                  <td>{tok.name}</td>
                  <td><code>{tok.prefix}…</code></td>
                  <td>{tok.scopes.map((s) => t(`tokens.scope.${s}`)).join(', ')}</td>
                  <td>{fmt.dateTime(tok.createdAt)}</td>
                  <td>{tok.lastUsedAt ? fmt.relative(tok.lastUsedAt) : t('tokens.never')}</td>
                  <td><button type="button" className="button button--quiet" onClick={() => setRevoking({ id: tok.id, name: tok.name })} aria-label={t('tokens.revokeName', { name: tok.name })}>{t('tokens.revoke')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog open={Boolean(revoking)} onOpenChange={(o) => { if (!o) setRevoking(null); }} danger busy={revoke.isPending}
        title={t('tokens.revokeName', { name: revoking?.name ?? '' })} body={t('tokens.revokeBody')} confirmLabel={t('tokens.revoke')}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })} />
    </div>
  );
}

function CreateToken({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const create = useCreateToken(workspaceId);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read', 'write', 'publish']);
  const [created, setCreated] = useState<NewApiToken | null>(null);
  return (
    <section className="card" aria-labelledby="new-token">
      <h2 id="new-token">{t('tokens.create')}</h2>
      <form className="stack" onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name, scopes }, { onSuccess: (tok) => { setCreated(tok); setName(''); } });
      }}>
        <Field label={t('tokens.name')} hint={t('tokens.nameHint')}>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </Field>
        <fieldset className="inline-checks">
          <legend>{t('tokens.scopes')}</legend>
          {SCOPES.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes((cur) => (e.target.checked ? [...cur, s] : cur.filter((x) => x !== s)))} />
              {t(`tokens.scope.${s}`)}
            </label>
          ))}
        </fieldset>
        <ErrorNote error={create.error} />
        <div className="actions actions--start"><button type="submit" className="button button--primary" disabled={create.isPending || scopes.length === 0}>{t('tokens.create')}</button></div>
      </form>
      {created ? (
        <div className="note note--success stack" role="status">
          <p>{t('tokens.createdOnce', { name: created.name })}</p>
          <CopyValue value={created.token} label={t('tokens.token')} />
        </div>
      ) : null}
    </section>
  );
}
