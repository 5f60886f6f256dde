/** The inbox's settings, at /w/:id/inbox/settings: saved replies, rules, priority keywords, and where each channel's inbox comes from. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session';
import { useWorkspaceId } from '../../app/workspace';
import { rolePermissions } from './permissions';
import { PrioritySection } from './PrioritySection';
import { RulesSection } from './RulesSection';
import { SavedRepliesSection } from './SavedRepliesSection';
import { SourcesSection } from './SourcesSection';
import './inbox.css';

export default function InboxSettingsPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const role = useMe().data?.workspaces.find((w) => w.id === workspaceId)?.role ?? 'viewer';
  const can = rolePermissions(role);
  return (
    <div className="page inbox-settings">
      <p className="breadcrumbs"><Link to={`/w/${workspaceId}/inbox`}>{t('inbox.title')}</Link></p>
      <h1>{t('inbox.settings.title')}</h1>
      <SavedRepliesSection workspaceId={workspaceId} canWrite={can.write} />
      <RulesSection workspaceId={workspaceId} canPublish={can.publish} />
      <PrioritySection workspaceId={workspaceId} canEdit={can.admin} />
      <SourcesSection workspaceId={workspaceId} canCheck={can.write} />
    </div>
  );
}
