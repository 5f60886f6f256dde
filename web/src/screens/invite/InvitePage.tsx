/**
 * Where an invitation link lands (/invite/:token, the address the server puts in links and
 * e-mails): says which workspace and role it is for; a logged-in person joins with one button, a
 * logged-out one creates an account here (even when sign-up is closed) or logs in and comes back.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogOut, useMe } from '../../api/session';
import { useAcceptInvitation, useInvitationInfo, type InvitationInfo } from '../../api/team';
import { useFormat } from '../../i18n/format';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { AuthLayout } from '../auth/AuthLayout';

export default function InvitePage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const info = useInvitationInfo(token);
  if (info.isPending) return <AuthLayout title={t('acceptInvite.loading')}><Loading /></AuthLayout>;
  if (!info.data) {
    return (
      <AuthLayout title={t('acceptInvite.invalid')}>
        <ErrorNote error={info.error} />
        <p className="auth__switch"><Link to="/">{t('acceptInvite.toVarde')}</Link></p>
      </AuthLayout>
    );
  }
  return <Accept token={token} info={info.data} />;
}

function Accept({ token, info }: { token: string; info: InvitationInfo }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const logOut = useLogOut();
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const [form, setForm] = useState({ name: '', email: info.email ?? '', password: '' });
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const joined = (res: { workspaceId: string }) => navigate(`/w/${res.workspaceId}/calendar`, { replace: true });
  const role = t(`roles.${info.role}`);
  const intro = `${t('acceptInvite.body', { inviter: info.invitedBy, workspace: info.workspaceName, role })} ${t('acceptInvite.until', { date: fmt.dateTime(info.expiresAt) })}${info.email ? ` ${t('acceptInvite.forEmail', { email: info.email })}` : ''}`;
  const user = me.data?.user;
  return (
    <AuthLayout title={t('acceptInvite.title', { workspace: info.workspaceName })} intro={intro}>
      {me.isPending ? <Loading /> : user ? (
        <div className="stack">
          <p>{t('acceptInvite.loggedInAs', { name: user.name, email: user.email })}</p>
          <ErrorNote error={accept.error} />
          <button type="button" className="button button--primary button--block" disabled={accept.isPending} onClick={() => accept.mutate(undefined, { onSuccess: joined })}>{t('acceptInvite.join')}</button>
          <button type="button" className="link-button" onClick={() => logOut.mutate()}>{t('acceptInvite.notYou')}</button>
        </div>
      ) : (
        <>
          <h2 className="auth__subtitle">{t('acceptInvite.signupTitle')}</h2>
          <form className="stack" onSubmit={(e) => { e.preventDefault(); accept.mutate(form, { onSuccess: joined }); }}>
            <Field label={t('auth.name')}>
              <input autoComplete="name" value={form.name} onChange={set('name')} required maxLength={200} />
            </Field>
            <Field label={t('auth.email')}>
              <input type="email" autoComplete="email" value={form.email} onChange={set('email')} required readOnly={Boolean(info.email)} />
            </Field>
            <Field label={t('auth.password')} hint={t('auth.passwordHint')}>
              <input type="password" autoComplete="new-password" value={form.password} onChange={set('password')} required minLength={10} />
            </Field>
            <ErrorNote error={accept.error} />
            <button type="submit" className="button button--primary button--block" disabled={accept.isPending}>{t('acceptInvite.signupJoin')}</button>
          </form>
          <p className="auth__switch">{t('auth.haveAccount')} <Link to={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>{t('acceptInvite.logInToJoin')}</Link></p>
        </>
      )}
    </AuthLayout>
  );
}
