/**
 * The unified inbox: filters (kept in the address), the virtualised list with bulk selection, and
 * the open conversation beside it — or, on a phone, one after the other. Keyboard: j/k move, e
 * marks done, r goes to the reply box, a assigns, ? lists the shortcuts. Updates live.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Keyboard, Settings2 } from 'lucide-react';
import { useInboxCount, useInboxItems, useUpdateItem } from '../../api/inbox';
import { useMe } from '../../api/session';
import { useWorkspaceId } from '../../app/workspace';
import { usePollWhileOffline } from '../../app/live';
import { ErrorNote, Loading } from '../../ui/ErrorNote';
import { useToast } from '../../ui/Toasts';
import { errorText } from '../../i18n/problems';
import { AssignDialog } from './AssignDialog';
import { BulkBar } from './BulkBar';
import { ConversationPane } from './ConversationPane';
import { FilterBar } from './FilterBar';
import { filtersFromSearch, staysListed, toItemQuery } from './inbox-filters';
import { ItemList } from './ItemList';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useInboxShortcuts } from './use-shortcuts';
import { rolePermissions } from './permissions';
import './inbox.css';

export default function InboxPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const toast = useToast();
  const me = useMe();
  const role = me.data?.workspaces.find((w) => w.id === workspaceId)?.role ?? 'viewer';
  const can = rolePermissions(role);
  const [sp, setSp] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(sp), [sp]);
  const query = useMemo(() => toItemQuery(filters), [filters]);
  // Live events refresh the inbox; while they are off, it polls (2 s growing to 30 s).
  const poll = usePollWhileOffline(true);
  const list = useInboxItems(workspaceId, query, poll);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const count = useInboxCount(workspaceId, poll);
  const selectedId = sp.get('item');
  // The selection as of the last key press: keys pressed faster than the page renders still move one step each.
  const cursor = useRef(selectedId);
  const seen = useRef(selectedId);
  if (seen.current !== selectedId) {
    seen.current = selectedId;
    cursor.current = selectedId;
  }
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'help' | 'assign' | null>(null);
  const update = useUpdateItem(workspaceId);

  const select = useCallback((id: string | null, replace = false) => {
    setSp((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('item', id);
      else next.delete('item');
      return next;
    }, { replace });
  }, [setSp]);

  const hrefFor = useCallback((id: string) => {
    const next = new URLSearchParams(sp);
    next.set('item', id);
    return `?${next}`;
  }, [sp]);
  // On a phone the list and the conversation take turns: each starts at its top.
  const open = Boolean(selectedId);
  useEffect(() => {
    if (window.matchMedia('(max-width: 899px)').matches) window.scrollTo(0, 0);
  }, [open]);

  const markDone = useCallback((id: string, done: boolean) => {
    const index = items.findIndex((i) => i.id === id);
    update.mutate({ id, patch: { state: done ? 'done' : 'open' } }, {
      onSuccess: (item) => {
        toast(done ? t('inbox.markedDone') : t('inbox.reopened'));
        // An item that leaves the list under the filters hands the selection to the next one.
        if (!staysListed(filters, item.state as 'open' | 'assigned' | 'done')) select(items[index + 1]?.id ?? items[index - 1]?.id ?? null, true);
      },
      onError: (err) => toast(errorText(t, err), 'error'),
    });
  }, [items, update, toast, t, filters, select]);

  const selected = items.find((i) => i.id === selectedId);
  useInboxShortcuts({
    enabled: dialog === null,
    move: (step) => {
      if (items.length === 0) return;
      const at = items.findIndex((i) => i.id === cursor.current);
      const next = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + step));
      cursor.current = items[next].id;
      select(items[next].id, true);
    },
    done: () => { if (selectedId && can.write) markDone(selectedId, selected?.state !== 'done'); },
    reply: () => document.getElementById('inbox-reply')?.focus(),
    assign: () => { if (selectedId && can.write) setDialog('assign'); },
    help: () => setDialog('help'),
  });

  return (
    <div className="page page--wide inbox" data-view={selectedId ? 'conversation' : 'list'}>
      <div className="inbox__head">
        <h1>{t('inbox.title')}</h1>
        {count.data ? <p className="muted inbox__counts">{t('inbox.counts', { open: count.data.open, unread: count.data.unread, mine: count.data.mine })}</p> : null}
        <div className="actions">
          <button type="button" className="button button--small" onClick={() => setDialog('help')} aria-keyshortcuts="?">
            <Keyboard aria-hidden="true" size={16} /> {t('inbox.shortcuts.open')}
          </button>
          <Link className="button button--small" to={`/w/${workspaceId}/inbox/settings`}>
            <Settings2 aria-hidden="true" size={16} /> {t('inbox.settings.link')}
          </Link>
        </div>
      </div>
      <FilterBar workspaceId={workspaceId} filters={filters} />
      <ErrorNote error={list.error} />
      <div className="inbox__body">
        <section className="inbox__list" aria-labelledby="inbox-list-heading">
          <h2 id="inbox-list-heading" className="visually-hidden">{t('inbox.listHeading')}</h2>
          <p className="muted inbox__total" role="status">{list.isPending ? t('common.loading') : t('inbox.shown', { count: items.length, total })}</p>
          {can.write ? <BulkBar workspaceId={workspaceId} items={items} checked={checked} setChecked={setChecked} /> : null}
          {list.isPending ? null : (
            <ItemList items={items} selectedId={selectedId} onSelect={select} hrefFor={hrefFor} checked={can.write ? checked : null} setChecked={setChecked}
              hasMore={Boolean(list.hasNextPage)} loadMore={() => { if (!list.isFetchingNextPage) void list.fetchNextPage(); }} />
          )}
        </section>
        <section className="inbox__pane" aria-label={t('inbox.conversation.label')}>
          {selectedId ? (
            <>
              <button type="button" className="link-button inbox__back" onClick={() => select(null)}>{t('inbox.backToList')}</button>
              <ConversationPane key={selectedId} workspaceId={workspaceId} itemId={selectedId} can={can}
                onDone={markDone} onAssign={() => setDialog('assign')} />
            </>
          ) : (
            list.isPending ? <Loading /> : <p className="muted inbox__empty-pane">{items.length ? t('inbox.choose') : t('inbox.empty')}</p>
          )}
        </section>
      </div>
      <ShortcutsDialog open={dialog === 'help'} onOpenChange={(o) => setDialog(o ? 'help' : null)} />
      {selectedId ? <AssignDialog open={dialog === 'assign'} onOpenChange={(o) => setDialog(o ? 'assign' : null)} workspaceId={workspaceId} itemId={selectedId} assigneeId={selected?.assigneeId ?? null} /> : null}
    </div>
  );
}
