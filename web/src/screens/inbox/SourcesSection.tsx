/**
 * Where each channel's inbox comes from (webhooks, polling, both or nothing) and how polling goes:
 * the last and next poll, failures in a row (each waits longer), the network's throttle, the last
 * error. "Check now" (write) asks for every polled channel to be polled at the next tick, then
 * watches the sources until each of them has been polled, and says how it went.
 */
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RefreshCw } from 'lucide-react';
import { inboxKey, useInboxSources, useSyncNow, type InboxSource } from '../../api/inbox';
import { useFormat } from '../../i18n/format';
import { networkLook } from '../../lib/networks';
import { ErrorNote, Loading } from '../../ui/ErrorNote';

/** How long a check is watched before the page says it is still waiting. */
const WATCH_MS = 60_000;

interface Check {
  /** The polled channels being checked, with their last poll before the check. */
  before: Map<string, string | null>;
  timedOut: boolean;
}

/** Channels a check polls: read by polling, active, and not held back by the network's throttle. */
const checkable = (s: InboxSource) => Boolean(s.poll) && s.channelStatus === 'active' && !s.poll?.rateLimitedUntil;

export function SourcesSection({ workspaceId, canCheck }: { workspaceId: string; canCheck: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [check, setCheck] = useState<Check | null>(null);
  const sources = useInboxSources(workspaceId);
  const list = sources.data ?? [];
  const checked = check ? list.filter((s) => check.before.has(s.channelId) && (s.poll?.lastAt ?? null) !== check.before.get(s.channelId)) : [];
  const running = Boolean(check && !check.timedOut && checked.length < check.before.size);
  // While a check runs, the sources are read every second to see each poll finish; otherwise every half minute.
  useInboxSources(workspaceId, running ? 1000 : 30_000);
  const sync = useSyncNow(workspaceId);

  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setCheck((c) => (c ? { ...c, timedOut: true } : c)), WATCH_MS);
    return () => clearTimeout(timer);
  }, [running]);
  // New items from the check show in the inbox (and its count) at once.
  useEffect(() => {
    if (check && !running) void qc.invalidateQueries({ queryKey: inboxKey(workspaceId) });
  }, [check, running, qc, workspaceId]);

  const start = async () => {
    setCheck(null);
    // The last polls as they are now (not as last read), so that only a poll after this one counts.
    const fresh = (await sources.refetch()).data ?? list;
    const before = new Map(fresh.filter(checkable).map((s) => [s.channelId, s.poll?.lastAt ?? null] as const));
    sync.mutate(undefined, {
      onSuccess: () => {
        setCheck({ before, timedOut: false });
        void qc.invalidateQueries({ queryKey: ['inbox-sources', workspaceId] });
      },
    });
  };

  const failed = checked.filter((s) => s.poll?.lastError);
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('inbox.sources.title')}</h2>
      <p className="muted">{t('inbox.sources.hint')}</p>
      {sources.isPending ? <Loading /> : null}
      <ErrorNote error={sources.error ?? sync.error} />
      {sources.data && list.length === 0 ? <p className="muted">{t('inbox.sources.none')}</p> : null}
      {canCheck && list.length ? (
        <div className="inbox-sources__check">
          <button type="button" className="button" onClick={() => void start()} disabled={sync.isPending || running}>
            <RefreshCw aria-hidden="true" size={16} className={running || sync.isPending ? 'spin' : undefined} /> {t('inbox.sources.checkNow')}
          </button>
          <div role="status" className="inbox-sources__outcome">
            {sync.isPending ? <span>{t('inbox.sources.asking')}</span> : null}
            {check && check.before.size === 0 ? <span>{t('inbox.sources.nothingToPoll')}</span> : null}
            {running ? <span>{t('inbox.sources.checking', { done: checked.length, count: check!.before.size })}</span> : null}
            {check && check.before.size > 0 && !running ? (
              <span className={`note ${failed.length ? 'note--warning' : 'note--success'}`}>
                {check.timedOut ? t('inbox.sources.stillWaiting', { done: checked.length, count: check.before.size })
                  : failed.length ? t('inbox.sources.checkedWithErrors', { count: checked.length, failed: failed.length })
                    : t('inbox.sources.checked', { count: checked.length })}
              </span>
            ) : null}
          </div>
        </div>
      ) : null}
      <ul className="inbox-manage" role="list">
        {list.map((s) => <SourceCard key={s.channelId} source={s} fmt={fmt} />)}
      </ul>
    </section>
  );
}

function SourceCard({ source: s, fmt }: { source: InboxSource; fmt: ReturnType<typeof useFormat> }) {
  const { t } = useTranslation();
  const poll = s.poll;
  const limited = poll?.rateLimitedUntil && Date.parse(poll.rateLimitedUntil) > Date.now() ? poll.rateLimitedUntil : null;
  const when = (iso: string) => <time dateTime={iso} title={fmt.dateTime(iso)}>{fmt.relative(iso)}</time>;
  return (
    <li className="card inbox-source" data-channel={s.channelId}>
      <h3>{s.name} <span className="muted">· {networkLook(s.network).name}</span></h3>
      <p className="inbox-source__badges">
        <span className={`status ${s.ingest === 'none' ? 'status--neutral' : 'status--info'}`}>{t(`inbox.sources.ingest.${s.ingest}`)}</span>
        {s.channelStatus !== 'active' ? <span className="status status--warning">{t('inbox.sources.channelInactive', { status: s.channelStatus })}</span> : null}
        {limited ? <span className="status status--warning">{t('inbox.sources.rateLimited')}</span> : null}
        {poll && poll.failures > 0 ? <span className="status status--danger">{t('inbox.sources.failures', { count: poll.failures })}</span> : null}
      </p>
      {s.ingest === 'none' ? <p className="muted">{t('inbox.sources.notRead')}</p> : null}
      <dl className="inbox-source__facts">
        {s.kinds.length ? <><dt>{t('inbox.sources.kinds')}</dt><dd>{s.kinds.map((k) => t(`inbox.kind.${k}`)).join(', ')}</dd></> : null}
        {s.webhookUrl ? <><dt>{t('inbox.sources.webhookUrl')}</dt><dd><code className="inbox-source__url">{s.webhookUrl}</code></dd></> : null}
        {poll ? (
          <>
            <dt>{t('inbox.sources.lastPoll')}</dt><dd data-testid="last-poll">{poll.lastAt ? when(poll.lastAt) : t('inbox.sources.never')}</dd>
            <dt>{t('inbox.sources.nextPoll')}</dt><dd>{limited ? t('inbox.sources.limitedUntil', { time: fmt.dateTime(limited) }) : poll.nextAt ? when(poll.nextAt) : t('inbox.sources.soon')}</dd>
            {poll.failures > 0 ? <><dt>{t('inbox.sources.backoff')}</dt><dd>{t('inbox.sources.backoffHint')}</dd></> : null}
            {poll.lastError ? <><dt>{t('inbox.sources.lastError')}</dt><dd className="inbox-source__error">{poll.lastError}</dd></> : null}
          </>
        ) : null}
      </dl>
    </li>
  );
}
