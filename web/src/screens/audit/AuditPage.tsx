/**
 * The audit log: who changed what, when, through which session or API token, from where; filtered
 * by member, action, subject and dates, a page at a time, and exported as CSV or JSON with the
 * same filters. Owners and admins only (the API refuses others).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download } from 'lucide-react';
import { AUDIT_PAGE, auditExportUrl, useAudit, type AuditEntry, type AuditFilters } from '../../api/audit';
import { useMembers } from '../../api/team';
import { isAdminRole, useRole } from '../../app/role';
import { useWorkspaceId } from '../../app/workspace';
import { useFormat } from '../../i18n/format';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import '../../styles/team.css';

interface Form { actorUserId: string; action: string; subjectId: string; from: string; to: string }
const EMPTY: Form = { actorUserId: '', action: '', subjectId: '', from: '', to: '' };

/** Form values to API filters: dates are whole local days, `to` inclusive. */
function toFilters(f: Form): AuditFilters {
  const day = (d: string, plus = 0) => { const x = new Date(`${d}T00:00:00`); x.setDate(x.getDate() + plus); return x.toISOString(); };
  return {
    actorUserId: f.actorUserId || undefined, action: f.action.trim() || undefined, subjectId: f.subjectId.trim() || undefined,
    from: f.from ? day(f.from) : undefined, to: f.to ? day(f.to, 1) : undefined,
  };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const admin = isAdminRole(useRole());
  if (!admin) {
    return <div className="page"><h1>{t('audit.title')}</h1><p className="note" role="note">{t('audit.adminOnly')}</p></div>;
  }
  return <AuditLog />;
}

function AuditLog() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const members = useMembers(workspaceId);
  const [form, setForm] = useState<Form>(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(0);
  const audit = useAudit(workspaceId, filters, page);
  const set = (key: keyof Form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const rows = audit.data ?? [];
  return (
    <div className="page page--wide">
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      <form className="card audit-filters" aria-label={t('audit.filters')} onSubmit={(e) => { e.preventDefault(); setFilters(toFilters(form)); setPage(0); }}>
        <Field label={t('audit.actor')}>
          <select value={form.actorUserId} onChange={set('actorUserId')}>
            <option value="">{t('audit.anyone')}</option>
            {(members.data ?? []).map((m) => <option key={m.userId} value={m.userId}>{m.name} ({m.email})</option>)}
          </select>
        </Field>
        <Field label={t('audit.action')} hint={t('audit.actionHint')}><input value={form.action} onChange={set('action')} maxLength={200} /></Field>
        <Field label={t('audit.subject')}><input value={form.subjectId} onChange={set('subjectId')} maxLength={200} spellCheck={false} /></Field>
        <Field label={t('audit.from')}><input type="date" value={form.from} onChange={set('from')} /></Field>
        <Field label={t('audit.to')}><input type="date" value={form.to} onChange={set('to')} /></Field>
        <div className="actions actions--start audit-filters__buttons">
          <button type="submit" className="button button--primary">{t('audit.apply')}</button>
          <button type="button" className="button" onClick={() => { setForm(EMPTY); setFilters({}); setPage(0); }}>{t('audit.clear')}</button>
        </div>
      </form>
      <div className="actions actions--start">
        <a className="button" href={auditExportUrl(workspaceId, filters, 'csv')} download={`varde-audit-${workspaceId}.csv`}><Download aria-hidden="true" size={16} /> {t('audit.exportCsv')}</a>
        <a className="button" href={auditExportUrl(workspaceId, filters, 'json')} download={`varde-audit-${workspaceId}.json`}><Download aria-hidden="true" size={16} /> {t('audit.exportJson')}</a>
      </div>
      {audit.isPending ? <Loading /> : null}
      <ErrorNote error={audit.error} />
      {audit.data && rows.length === 0 ? <p className="muted">{t('audit.none')}</p> : null}
      {rows.length > 0 ? <AuditTable rows={rows} onSubject={(subjectId) => { const next = { ...form, subjectId }; setForm(next); setFilters(toFilters(next)); setPage(0); }} /> : null}
      <nav className="pager" aria-label={t('audit.pages')}>
        <button type="button" className="button" disabled={page === 0 || audit.isFetching} onClick={() => setPage((p) => p - 1)}>{t('audit.previous')}</button>
        <span aria-live="polite">{t('audit.page', { n: page + 1 })}</span>
        <button type="button" className="button" disabled={rows.length < AUDIT_PAGE || audit.isFetching} onClick={() => setPage((p) => p + 1)}>{t('audit.next')}</button>
      </nav>
    </div>
  );
}

function AuditTable({ rows, onSubject }: { rows: AuditEntry[]; onSubject(id: string): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const short = (id: string) => id.slice(0, 8);
  const via = (r: AuditEntry) =>
    r.tokenId ? t('audit.viaToken', { id: short(r.tokenId) }) : r.sessionId ? t('audit.viaSession', { id: short(r.sessionId) }) : t(`audit.kind.${r.actorKind}`);
  return (
    <div className="table-wrap">
      <table className="table audit-table" aria-label={t('audit.title')}>
        <thead>
          <tr><th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.who')}</th><th scope="col">{t('audit.what')}</th><th scope="col">{t('audit.subject')}</th><th scope="col">{t('audit.via')}</th><th scope="col">{t('audit.address')}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td><time dateTime={r.at}>{fmt.dateTime(r.at)}</time></td>
              <td>{r.actorEmail ?? t(`audit.kind.${r.actorKind}`)}</td>
              <td>{r.summary}<br /><code className="muted">{r.action}</code></td>
              <td>{r.subjectType ? <span>{r.subjectType} </span> : null}{r.subjectId ? (
                <button type="button" className="link-button" onClick={() => onSubject(r.subjectId!)} title={r.subjectId} aria-label={t('audit.bySubject', { id: r.subjectId })}><code>{short(r.subjectId)}</code></button>
              ) : null}</td>
              <td>{via(r)}</td>
              <td>{r.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
