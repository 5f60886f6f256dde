/**
 * Workspace settings: the name, and the approval policy (who needs approval before a post goes
 * out, and how many approvals). Owners and admins change them; others read them.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session';
import { useRenameWorkspace, useSaveWorkspaceSettings, useWorkspaceSettings, type WorkspaceSettings } from '../../api/team';
import { isAdminRole, useRole } from '../../app/role';
import { useWorkspaceId } from '../../app/workspace';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/Toasts';
import '../../styles/team.css';

type Required = WorkspaceSettings['approvals']['required'];
const POLICIES: Required[] = ['off', 'contributors', 'everyone'];

export default function SettingsPage() {
  const { t } = useTranslation();
  const admin = isAdminRole(useRole());
  return (
    <div className="page narrow team-cards">
      <h1>{t('settings.title')}</h1>
      {!admin ? <p className="note" role="note">{t('settings.readOnly')}</p> : null}
      <NameForm admin={admin} />
      <ApprovalForm admin={admin} />
    </div>
  );
}

function NameForm({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const me = useMe();
  const current = me.data?.workspaces.find((w) => w.id === workspaceId)?.name ?? '';
  const rename = useRenameWorkspace(workspaceId);
  const toast = useToast();
  const [name, setName] = useState(current);
  useEffect(() => setName(current), [current]);
  return (
    <section className="card" aria-labelledby="ws-name">
      <h2 id="ws-name">{t('settings.nameTitle')}</h2>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); rename.mutate(name, { onSuccess: () => toast(t('settings.nameSaved')) }); }}>
        <fieldset disabled={!admin} className="plain-fieldset stack">
          <Field label={t('settings.name')}>
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
          </Field>
          <ErrorNote error={rename.error} />
          {admin ? <div className="actions actions--start"><button type="submit" className="button button--primary" disabled={rename.isPending || name.trim() === current}>{t('settings.saveName')}</button></div> : null}
        </fieldset>
      </form>
    </section>
  );
}

function ApprovalForm({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const settings = useWorkspaceSettings(workspaceId);
  const save = useSaveWorkspaceSettings(workspaceId);
  const toast = useToast();
  const [required, setRequired] = useState<Required>('off');
  const [approvers, setApprovers] = useState(1);
  useEffect(() => {
    if (!settings.data) return;
    setRequired(settings.data.approvals.required);
    setApprovers(settings.data.approvals.approvers);
  }, [settings.data]);
  return (
    <section className="card" aria-labelledby="approvals">
      <h2 id="approvals">{t('settings.approvalsTitle')}</h2>
      <p className="muted">{t('settings.approvalsIntro')}</p>
      {settings.isPending ? <Loading /> : null}
      <ErrorNote error={settings.error} />
      {settings.data ? (
        <form className="stack" onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ ...settings.data, approvals: { required, approvers } }, { onSuccess: () => toast(t('settings.saved')) });
        }}>
          <fieldset disabled={!admin} className="plain-fieldset stack">
            <fieldset className="radios">
              <legend>{t('settings.required')}</legend>
              {POLICIES.map((p) => (
                <label key={p} className="check policy">
                  <input type="radio" name="required" value={p} checked={required === p} onChange={() => setRequired(p)} />
                  <span><strong>{t(`settings.policy.${p}`)}</strong><br /><span className="muted">{t(`settings.policyHint.${p}`)}</span></span>
                </label>
              ))}
            </fieldset>
            <Field label={t('settings.approvers')} hint={t('settings.approversHint')}>
              <input type="number" min={1} max={10} value={approvers} disabled={required === 'off'} onChange={(e) => setApprovers(Math.max(1, Math.min(10, Number(e.target.value) || 1)))} className="input--short" />
            </Field>
            <ErrorNote error={save.error} />
            {admin ? <div className="actions actions--start"><button type="submit" className="button button--primary" disabled={save.isPending}>{t('settings.save')}</button></div> : null}
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}
