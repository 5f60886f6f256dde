/**
 * Two-factor log-in (TOTP): set up with a QR code and the key as text, turned on by entering a
 * code (so a mistyped key never locks anyone out), turned off with the password. Turning it on
 * shows ten single-use recovery codes once (copy or download them); the number left is shown, and
 * a new set can be made with the password or a current code.
 */
import { useState } from 'react';
import { Copy, Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useRegenerateRecoveryCodes, useTotpDisable, useTotpEnable, useTotpSetup, useTotpStatus } from '../../api/account';
import { useFormat } from '../../i18n/format';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { QrCode } from '../../ui/QrCode';
import { useToast } from '../../ui/Toasts';

export function TwoFactor() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const status = useTotpStatus();
  // Recovery codes just made: shown until dismissed, never fetched again.
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <section className="card" aria-labelledby="totp">
      <h2 id="totp">{t('account.totpTitle')}</h2>
      {status.isPending ? <Loading /> : null}
      <ErrorNote error={status.error} />
      {status.data?.enabled ? (
        <>
          <p className="status status--success" role="status">{t('account.totpOn', { date: status.data.since ? fmt.date(status.data.since) : '' })}</p>
          {codes ? <RecoveryCodes codes={codes} onDone={() => setCodes(null)} /> : null}
          <h3 className="totp__subtitle">{t('account.recoveryTitle')}</h3>
          <p className={status.data.recoveryCodesLeft <= 2 ? 'note note--warning' : 'muted'} data-testid="recovery-left">{t('account.recoveryLeft', { count: status.data.recoveryCodesLeft })}</p>
          <RegenerateForm onCodes={setCodes} />
          <h3 className="totp__subtitle">{t('account.totpDisable')}</h3>
          <DisableForm onDisabled={() => setCodes(null)} />
        </>
      ) : status.data ? (
        <>
          <p className="muted">{t('account.totpOff')}</p>
          <SetupFlow onCodes={setCodes} />
        </>
      ) : null}
    </section>
  );
}

function SetupFlow({ onCodes }: { onCodes: (codes: string[]) => void }) {
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
      <form className="stack" onSubmit={(e) => { e.preventDefault(); enable.mutate(code, { onSuccess: (codes) => { onCodes(codes); toast(t('account.totpEnabled')); } }); }}>
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

/** The codes, shown once, with copy and download as a .txt file. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = `${t('account.recoveryFileHeading')}\n\n${codes.join('\n')}\n`;
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <div className="recovery-codes" role="region" aria-label={t('account.recoveryNew')}>
      <h3>{t('account.recoveryNew')}</h3>
      <p>{t('account.recoveryOnce')}</p>
      <ol className="recovery-codes__list" data-testid="recovery-codes">
        {codes.map((c) => <li key={c}><code>{c}</code></li>)}
      </ol>
      <div className="actions actions--start">
        <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(codes.join('\n')).then(() => setCopied(true))}>
          <Copy aria-hidden="true" size={16} /> {copied ? t('common.copied') : t('common.copy')}
        </button>
        <a className="button" href={href} download="varde-recovery-codes.txt"><Download aria-hidden="true" size={16} /> {t('account.recoveryDownload')}</a>
        <button type="button" className="button button--primary" onClick={onDone}>{t('account.recoverySaved')}</button>
      </div>
      <span className="visually-hidden" role="status">{copied ? t('common.copied') : ''}</span>
    </div>
  );
}

/** A new set of codes; the password or a current 6-digit code proves it is you. */
function RegenerateForm({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const regenerate = useRegenerateRecoveryCodes();
  const toast = useToast();
  const [proof, setProof] = useState('');
  return (
    <form className="stack" onSubmit={(e) => {
      e.preventDefault();
      regenerate.mutate(/^\d{6}$/.test(proof) ? { code: proof } : { password: proof }, { onSuccess: (codes) => { setProof(''); onCodes(codes); toast(t('account.recoveryRegenerated')); } });
    }}>
      <Field label={t('account.recoveryProof')} hint={t('account.recoveryProofHint')}>
        <input type="password" autoComplete="current-password" value={proof} onChange={(e) => { setProof(e.target.value); if (regenerate.error) regenerate.reset(); }} required />
      </Field>
      <ErrorNote error={regenerate.error} />
      <div className="actions actions--start"><button type="submit" className="button" disabled={regenerate.isPending}>{t('account.recoveryRegenerate')}</button></div>
    </form>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const disable = useTotpDisable();
  const toast = useToast();
  const [password, setPassword] = useState('');
  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); disable.mutate(password, { onSuccess: () => { setPassword(''); onDisabled(); toast(t('account.totpDisabled')); } }); }}>
      <Field label={t('account.password')} hint={t('account.disableHint')}>
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </Field>
      <ErrorNote error={disable.error} />
      <div className="actions actions--start"><button type="submit" className="button button--danger" disabled={disable.isPending}>{t('account.totpDisable')}</button></div>
    </form>
  );
}
