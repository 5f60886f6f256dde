/** Log in; a Varde with no account yet sends the visitor to first-run sign-up instead. */
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useInstance, useLogIn, useMe } from '../../api/session';
import { Field } from '../../ui/Field';
import { ErrorNote } from '../../ui/ErrorNote';
import { AuthLayout } from './AuthLayout';

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const instance = useInstance();
  const me = useMe();
  const logIn = useLogIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  if (instance.data?.needsFirstAccount) return <Navigate to="/signup" replace />;
  if (me.data && logIn.isIdle) return <Navigate to={next} replace />;
  return (
    <AuthLayout title={t('auth.loginTitle')}>
      <form className="stack" onSubmit={(e) => {
        e.preventDefault();
        logIn.mutate({ email, password }, { onSuccess: () => navigate(next, { replace: true }) });
      }}>
        <Field label={t('auth.email')}>
          <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </Field>
        <Field label={t('auth.password')}>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        <ErrorNote error={logIn.error} />
        <button type="submit" className="button button--primary button--block" disabled={logIn.isPending}>{t('auth.logIn')}</button>
      </form>
      {instance.data?.signupOpen ? <p className="auth__switch">{t('auth.noAccount')} <Link to="/signup">{t('auth.signUp')}</Link></p> : null}
    </AuthLayout>
  );
}

/** Only paths inside this app: no open redirects through ?next=. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
