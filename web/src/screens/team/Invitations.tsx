/** Inviting by link (shown once, with a copy button) or by e-mail, and the pending invitations. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNABLE_ROLES, useInvitations, useInvite, useRevokeInvitation, type AssignableRole, type NewInvitation } from '../../api/team';
import type { Role } from '../../app/role';
import { useFormat } from '../../i18n/format';
import { CopyValue } from '../../ui/CopyValue';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';

const EXPIRY_DAYS = [1, 7, 14, 30];

export function Invitations({ workspaceId, callerRole }: { workspaceId: string; callerRole: Role }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const invitations = useInvitations(workspaceId, true);
  const revoke = useRevokeInvitation(workspaceId);
  return (
    <>
      <InviteForm workspaceId={workspaceId} callerRole={callerRole} />
      <h2>{t('invite.pending')}</h2>
      {invitations.isPending ? <Loading /> : null}
      <ErrorNote error={invitations.error ?? revoke.error} />
      {invitations.data?.length === 0 ? <p className="muted">{t('invite.none')}</p> : null}
      {invitations.data?.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th scope="col">{t('invite.for')}</th><th scope="col">{t('invite.role')}</th><th scope="col">{t('invite.created')}</th><th scope="col">{t('invite.expires')}</th><th scope="col"><span className="visually-hidden">{t('invite.actions')}</span></th></tr></thead>
            <tbody>
              {invitations.data.map((inv) => {
                const who = inv.email ?? t('invite.anyone');
                return (
                  <tr key={inv.id}>
                    <td>{who}</td>
                    <td>{t(`roles.${inv.role}`)}</td>
                    <td>{fmt.date(inv.createdAt)}</td>
                    <td>{fmt.dateTime(inv.expiresAt)}</td>
                    <td><button type="button" className="button button--quiet button--small" disabled={revoke.isPending} onClick={() => revoke.mutate(inv.id)} aria-label={t('invite.revokeFor', { who })}>{t('invite.revoke')}</button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function InviteForm({ workspaceId, callerRole }: { workspaceId: string; callerRole: Role }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const invite = useInvite(workspaceId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AssignableRole>('editor');
  const [days, setDays] = useState(7);
  const [created, setCreated] = useState<NewInvitation | null>(null);
  const roles = callerRole === 'owner' ? ASSIGNABLE_ROLES : ASSIGNABLE_ROLES.filter((r) => r !== 'admin');
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <form className="stack" onSubmit={(e) => {
        e.preventDefault();
        invite.mutate({ email: email.trim() || undefined, role, expiresInDays: days }, { onSuccess: (inv) => { setCreated(inv); setEmail(''); } });
      }}>
        <div className="invite-fields">
          <Field label={t('invite.email')} hint={t('invite.emailHint')}>
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={320} autoComplete="off" />
          </Field>
          <Field label={t('invite.role')} hint={t(`invite.roleHint.${role}`)}>
            <select value={role} onChange={(e) => setRole(e.target.value as AssignableRole)}>
              {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
          </Field>
          <Field label={t('invite.validFor')}>
            <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {EXPIRY_DAYS.map((d) => <option key={d} value={d}>{t('invite.days', { count: d })}</option>)}
            </select>
          </Field>
        </div>
        <ErrorNote error={invite.error} />
        <div className="actions actions--start"><button type="submit" className="button button--primary" disabled={invite.isPending}>{t('invite.create')}</button></div>
      </form>
      {created ? (
        <div className="note note--success stack" role="status">
          <p>{t('invite.createdOnce', { role: t(`roles.${created.role}`), date: fmt.dateTime(created.expiresAt) })}{created.email ? ` ${t('invite.emailed', { email: created.email })}` : ''}</p>
          <CopyValue value={created.url} label={t('invite.link')} />
        </div>
      ) : null}
    </section>
  );
}
