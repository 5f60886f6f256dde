/**
 * The team: members with their roles (changed, removed, or made owner by those allowed to), and
 * invitations (created and revoked by owners and admins). Others see the list read-only.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNABLE_ROLES, useChangeRole, useMembers, useRemoveMember, useTransferOwnership, type AssignableRole, type Member } from '../../api/team';
import { useMe } from '../../api/session';
import { isAdminRole, useRole } from '../../app/role';
import { useWorkspaceId } from '../../app/workspace';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';
import { Invitations } from './Invitations';
import '../../styles/team.css';

type Pending = { kind: 'remove' | 'transfer'; member: Member } | null;

export default function TeamPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const role = useRole();
  const members = useMembers(workspaceId);
  const remove = useRemoveMember(workspaceId);
  const transfer = useTransferOwnership(workspaceId);
  const toast = useToast();
  const [pending, setPending] = useState<Pending>(null);
  const admin = isAdminRole(role);
  const busy = remove.isPending || transfer.isPending;
  const confirm = () => {
    if (!pending) return;
    const name = pending.member.name;
    const done = () => { setPending(null); toast(t(pending.kind === 'remove' ? 'team.removed' : 'team.transferred', { name })); };
    if (pending.kind === 'remove') remove.mutate(pending.member.userId, { onSuccess: done });
    else transfer.mutate(pending.member.userId, { onSuccess: done });
  };
  return (
    <div className="page">
      <h1>{t('team.title')}</h1>
      <p className="lead">{t('team.intro')}</p>
      {!admin ? <p className="note" role="note">{t('team.readOnly')}</p> : null}
      <h2>{t('team.members')}</h2>
      {members.isPending ? <Loading /> : null}
      <ErrorNote error={members.error ?? remove.error ?? transfer.error} />
      {members.data ? (
        <ul className="members" aria-label={t('team.members')}>
          {members.data.map((m) => <MemberRow key={m.userId} member={m} callerRole={role} onAsk={setPending} />)}
        </ul>
      ) : null}
      {admin ? <Invitations workspaceId={workspaceId} callerRole={role} /> : null}
      <ConfirmDialog open={Boolean(pending)} onOpenChange={(o) => { if (!o) setPending(null); }} danger={pending?.kind === 'remove'} busy={busy}
        title={pending ? t(pending.kind === 'remove' ? 'team.removeName' : 'team.transferName', { name: pending.member.name }) : ''}
        body={pending ? t(pending.kind === 'remove' ? 'team.removeBody' : 'team.transferBody', { name: pending.member.name }) : ''}
        confirmLabel={pending?.kind === 'transfer' ? t('team.transfer') : t('team.remove')} onConfirm={confirm} />
    </div>
  );
}

function MemberRow({ member, callerRole, onAsk }: { member: Member; callerRole: string; onAsk(p: Pending): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const workspaceId = useWorkspaceId();
  const change = useChangeRole(workspaceId);
  const toast = useToast();
  const self = member.userId === me.data?.user.id;
  const owner = callerRole === 'owner';
  // The server's rules: the owner's role changes only by transfer; only the owner makes, unmakes or removes admins.
  const canChange = !self && member.role !== 'owner' && (owner || (callerRole === 'admin' && member.role !== 'admin'));
  const roles = owner ? ASSIGNABLE_ROLES : ASSIGNABLE_ROLES.filter((r) => r !== 'admin');
  return (
    <li className="member" aria-label={member.name}>
      <div className="member__who">
        <span><strong>{member.name}</strong>{self ? <span className="tag">{t('team.you')}</span> : null}</span>
        <span className="muted member__email">{member.email}</span>
        <span className="muted">{t('team.joined', { date: fmt.date(member.joinedAt) })}</span>
      </div>
      <div className="member__role">
        {canChange ? (
          <label>
            <span className="visually-hidden">{t('team.roleOf', { name: member.name })}</span>
            <select value={member.role} disabled={change.isPending} onChange={(e) => {
              const role = e.target.value as AssignableRole;
              change.mutate({ userId: member.userId, role }, { onSuccess: () => toast(t('team.roleChanged', { name: member.name, role: t(`roles.${role}`) })) });
            }}>
              {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
          </label>
        ) : <span className="role-badge" data-role={member.role}>{t(`roles.${member.role}`)}</span>}
      </div>
      <div className="member__actions">
        {owner && !self ? <button type="button" className="button button--quiet button--small" onClick={() => onAsk({ kind: 'transfer', member })} aria-label={t('team.transferName', { name: member.name })}>{t('team.transfer')}</button> : null}
        {canChange ? <button type="button" className="button button--quiet button--small" onClick={() => onAsk({ kind: 'remove', member })} aria-label={t('team.removeName', { name: member.name })}>{t('team.remove')}</button> : null}
      </div>
      {change.error ? <div className="member__error"><ErrorNote error={change.error} /></div> : null}
    </li>
  );
}
