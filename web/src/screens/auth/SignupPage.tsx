/** Sign up — on a fresh Varde this is first-run setup: the first account owns the first workspace. */
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useInstance, useMe, useSignUp } from '../../api/session';
import { Field } from '../../ui/Field';
import { ErrorNote } from '../../ui/ErrorNote';
import { AuthLayout } from './AuthLayout';

export default function SignupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const instance = useInstance();
  const me = useMe();
  const signUp = useSignUp();
  const [form, setForm] = useState({ name: '', email: '', password: '', workspaceName: '' });
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));
  if (me.data && signUp.isIdle) return <Navigate to="/" replace />;
  const firstRun = instance.data?.needsFirstAccount ?? false;
  const tooShort = form.password.length > 0 && form.password.length < 10;
  return (
    <AuthLayout title={firstRun ? t('auth.setupTitle') : t('auth.signupTitle')} intro={firstRun ? t('auth.setupIntro') : undefined}>
      {instance.data && !instance.data.signupOpen ? <p className="note">{t('auth.signupClosed')}</p> : null}
      <form className="stack" onSubmit={(e) => {
        e.preventDefault();
        const body = { ...form, workspaceName: form.workspaceName.trim() || undefined };
        signUp.mutate(body, { onSuccess: (res) => navigate(`/w/${res.workspace.id}/welcome`, { replace: true }) });
      }}>
        <Field label={t('auth.name')}>
          <input autoComplete="name" value={form.name} onChange={set('name')} required maxLength={200} />
        </Field>
        <Field label={t('auth.email')}>
          <input type="email" autoComplete="email" value={form.email} onChange={set('email')} required />
        </Field>
        <Field label={t('auth.password')} hint={t('auth.passwordHint')} error={tooShort ? t('auth.passwordShort') : undefined}>
          <input type="password" autoComplete="new-password" value={form.password} onChange={set('password')} required minLength={10} />
        </Field>
        <Field label={t('auth.workspaceName')} hint={t('auth.workspaceHint')}>
          <input value={form.workspaceName} onChange={set('workspaceName')} maxLength={200} />
        </Field>
        <ErrorNote error={signUp.error} />
        <button type="submit" className="button button--primary button--block" disabled={signUp.isPending}>{firstRun ? t('auth.createOwner') : t('auth.signUp')}</button>
      </form>
      {!firstRun ? <p className="auth__switch">{t('auth.haveAccount')} <Link to="/login">{t('auth.logIn')}</Link></p> : null}
    </AuthLayout>
  );
}
