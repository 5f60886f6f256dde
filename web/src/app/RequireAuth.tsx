/** Routes behind log-in: no session sends the user to /login (or to first-run sign-up), then back. */
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/session';
import { ErrorNote, Loading } from '../ui/ErrorNote';

export const LAST_WORKSPACE_KEY = 'varde.workspace';

export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <main className="page narrow"><Loading /></main>;
  if (me.isError) return <main className="page narrow"><ErrorNote error={me.error} /></main>;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

/** `/`: the workspace used last in this browser, else the first. */
export function GoToWorkspace() {
  const { t } = useTranslation();
  const me = useMe();
  const workspaces = me.data?.workspaces ?? [];
  const last = localStorage.getItem(LAST_WORKSPACE_KEY);
  const target = workspaces.find((w) => w.id === last) ?? workspaces[0];
  if (!target) return <main className="page narrow"><p>{t('shell.noWorkspace')}</p></main>;
  return <Navigate to={`/w/${target.id}/calendar`} replace />;
}
