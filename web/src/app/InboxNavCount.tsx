/** The open-items count beside the navigation's Inbox link (refreshed by live events). */
import { useTranslation } from 'react-i18next';
import { useInboxCount } from '../api/inbox';

export function InboxNavCount({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const count = useInboxCount(workspaceId).data;
  if (!count || count.open === 0) return null;
  return (
    <span className="nav__count" data-testid="inbox-count">
      <span aria-hidden="true">{count.open > 999 ? '999+' : count.open}</span>
      <span className="visually-hidden">{t('inbox.navCount', { count: count.open })}</span>
    </span>
  );
}
