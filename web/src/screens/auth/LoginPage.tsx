/**
 * Log in; a Varde with no account yet sends the visitor to first-run sign-up instead. When the
 * account has two-factor log-in, the server answers `totp_required` and a code field appears;
 * "Use a recovery code" swaps it for a field that takes one of the single-use recovery codes.
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
  const [recovery, setRecovery] = useState<string | null>(null);
  const next = safeNext(params.get('next'));
  if (instance.data?.needsFirstAccount) return <Navigate to="/signup" replace />;
  if (me.data && logIn.isIdle) return <Navigate to={next} replace />;
  return (
    <AuthLayout title={t('auth.loginTitle')}>
      <form className="stack" onSubmit={(e) => {
        e.preventDefault();
        logIn.mutate({ email, password, ...(recovery !== null ? { recoveryCode: recovery || undefined } : { totp: totp || undefined }) }, {
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
        {recovery !== null ? (
          <>
            <Field label={t('login2fa.recoveryCode')} hint={t('login2fa.recoveryHint')}>
              <input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={100} value={recovery} onChange={(e) => { setRecovery(e.target.value); if (logIn.error) logIn.reset(); }} required autoFocus />
            </Field>
            <button type="button" className="link-button" onClick={() => { setRecovery(null); setTotp(''); logIn.reset(); }}>{t('login2fa.useApp')}</button>
          </>
        ) : totp !== null ? (
          <>
            <Field label={t('login2fa.code')} hint={t('login2fa.hint')}>
              <input inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} value={totp} onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))} required autoFocus />
            </Field>
            <button type="button" className="link-button" onClick={() => { setRecovery(''); logIn.reset(); }}>{t('login2fa.useRecovery')}</button>
          </>
        ) : null}
        {secondFactor(logIn.error) === 'totp_invalid' ? <p className="note note--error" role="alert">{t('login2fa.invalid')}</p>
          : secondFactor(logIn.error) === 'recovery_code_invalid' ? <p className="note note--error" role="alert">{t('login2fa.recoveryInvalid')}</p>
          : secondFactor(logIn.error) === 'totp_required' ? null : <ErrorNote error={logIn.error} />}
        <button type="submit" className="button button--primary button--block" disabled={logIn.isPending}>{t('auth.logIn')}</button>
      </form>
      {instance.data?.signupOpen ? <p className="auth__switch">{t('auth.noAccount')} <Link to="/signup">{t('auth.signUp')}</Link></p> : null}
    </AuthLayout>
  );
}

/** `totp_required`, `totp_invalid` or `recovery_code_invalid` when the server asks for (another) second factor. */
function secondFactor(err: unknown): string | null {
  const code = err instanceof ApiError ? (err.details as { code?: string } | undefined)?.code : undefined;
  return code === 'totp_required' || code === 'totp_invalid' || code === 'recovery_code_invalid' ? code : null;
}

/** Only paths inside this app: no open redirects through ?next=. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
