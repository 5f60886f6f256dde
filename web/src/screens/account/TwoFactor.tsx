/**
 * Two-factor log-in (TOTP): set up with a QR code and the key as text, turned on by entering a
 * code (so a mistyped key never locks anyone out), turned off with the password.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useTotpDisable, useTotpEnable, useTotpSetup, useTotpStatus } from '../../api/account';
import { useFormat } from '../../i18n/format';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { QrCode } from '../../ui/QrCode';
import { useToast } from '../../ui/Toasts';

export function TwoFactor() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const status = useTotpStatus();
  return (
    <section className="card" aria-labelledby="totp">
      <h2 id="totp">{t('account.totpTitle')}</h2>
      {status.isPending ? <Loading /> : null}
      <ErrorNote error={status.error} />
      {status.data?.enabled ? (
        <>
          <p className="status status--success" role="status">{t('account.totpOn', { date: status.data.since ? fmt.date(status.data.since) : '' })}</p>
          <DisableForm />
        </>
      ) : status.data ? (
        <>
          <p className="muted">{t('account.totpOff')}</p>
          <SetupFlow />
        </>
      ) : null}
    </section>
  );
}

function SetupFlow() {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const toast = useToast();
  const [code, setCode] = useState('');
  if (!setup.data) {
    return (
      <>
        <ErrorNote error={setup.error} />
        <div className="actions actions--start"><button type="button" className="button button--primary" disabled={setup.isPending} onClick={() => setup.mutate()}>{t('account.totpStart')}</button></div>
      </>
    );
  }
  return (
    <div className="totp-setup">
      <QrCode value={setup.data.otpauthUrl} label={t('account.qrLabel')} />
      <form className="stack" onSubmit={(e) => { e.preventDefault(); enable.mutate(code, { onSuccess: () => toast(t('account.totpEnabled')) }); }}>
        <p>{t('account.totpScan')}</p>
        <div className="field">
          <span className="field__label" id="totp-key">{t('account.secret')}</span>
          <code className="secret" aria-labelledby="totp-key" data-testid="totp-secret">{setup.data.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          <p className="field__hint">{t('account.secretHint')}</p>
        </div>
        <Field label={t('account.code')} hint={t('account.codeHint')}>
          <input inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} value={code} onChange={(e) => { setCode(e.target.value.replace(/\D/g, '')); if (enable.error) enable.reset(); }} required className="input--short" />
        </Field>
        {enable.error instanceof ApiError && enable.error.code === 'validation_failed'
          ? <p className="note note--error" role="alert">{t('login2fa.invalid')}</p> : <ErrorNote error={enable.error} />}
        <div className="actions actions--start"><button type="submit" className="button button--primary" disabled={enable.isPending || code.length !== 6}>{t('account.totpConfirm')}</button></div>
      </form>
    </div>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const disable = useTotpDisable();
  const toast = useToast();
  const [password, setPassword] = useState('');
  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); disable.mutate(password, { onSuccess: () => { setPassword(''); toast(t('account.totpDisabled')); } }); }}>
      <Field label={t('account.password')} hint={t('account.disableHint')}>
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </Field>
      <ErrorNote error={disable.error} />
      <div className="actions actions--start"><button type="submit" className="button button--danger" disabled={disable.isPending}>{t('account.totpDisable')}</button></div>
    </form>
  );
}
