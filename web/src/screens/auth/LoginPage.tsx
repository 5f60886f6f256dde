/**
 * Log in; a Varde with no account yet sends the visitor to first-run sign-up instead. When the
 * account has two-factor log-in, the server answers `totp_required` and a code field appears.
 */
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
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
  const [totp, setTotp] = useState<string | null>(null);
  const next = safeNext(params.get('next'));
  if (instance.data?.needsFirstAccount) return <Navigate to="/signup" replace />;
  if (me.data && logIn.isIdle) return <Navigate to={next} replace />;
  return (
    <AuthLayout title={t('auth.loginTitle')}>
      <form className="stack" onSubmit={(e) => {
        e.preventDefault();
        logIn.mutate({ email, password, totp: totp || undefined }, {
          onSuccess: () => navigate(next, { replace: true }),
          onError: (err) => { if (secondFactor(err) === 'totp_required') setTotp(''); },
        });
      }}>
        <Field label={t('auth.email')}>
          <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </Field>
        <Field label={t('auth.password')}>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        {totp !== null ? (
          <Field label={t('login2fa.code')} hint={t('login2fa.hint')}>
            <input inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} value={totp} onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))} required autoFocus />
          </Field>
        ) : null}
        {secondFactor(logIn.error) === 'totp_invalid' ? <p className="note note--error" role="alert">{t('login2fa.invalid')}</p>
          : secondFactor(logIn.error) === 'totp_required' ? null : <ErrorNote error={logIn.error} />}
        <button type="submit" className="button button--primary button--block" disabled={logIn.isPending}>{t('auth.logIn')}</button>
      </form>
      {instance.data?.signupOpen ? <p className="auth__switch">{t('auth.noAccount')} <Link to="/signup">{t('auth.signUp')}</Link></p> : null}
    </AuthLayout>
  );
}

/** `totp_required` or `totp_invalid` when the server asks for (another) authenticator code. */
function secondFactor(err: unknown): string | null {
  const code = err instanceof ApiError ? (err.details as { code?: string } | undefined)?.code : undefined;
  return code === 'totp_required' || code === 'totp_invalid' ? code : null;
}

/** Only paths inside this app: no open redirects through ?next=. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
