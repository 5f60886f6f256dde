/** Every screen, code-split: each route's code loads when it is first visited. */
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireAuth, GoToWorkspace } from './RequireAuth';
import { AppShell } from './AppShell';
import { NotFound } from './NotFound';
import { queryClient } from './query';
import { meQuery } from '../api/session';
import { prefetchCalendar } from '../screens/calendar/calendar-state';

type Module = { default: React.ComponentType };
const page = (load: () => Promise<Module>): Pick<RouteObject, 'lazy' | 'HydrateFallback'> => ({
  lazy: async () => ({ Component: (await load()).default }),
  // Shown while a screen's code loads on the first visit.
  HydrateFallback: () => <div className="page" aria-busy="true" />,
});

export const router = createBrowserRouter([
  { path: '/login', ...page(() => import('../screens/auth/LoginPage')) },
  { path: '/signup', ...page(() => import('../screens/auth/SignupPage')) },
  { path: '/review/:token', ...page(() => import('../screens/review/ClientReviewPage')) },
  { path: '/invite/:token', ...page(() => import('../screens/invite/InvitePage')) },
  {
    path: '/',
    element: <RequireAuth />,
    // Who is logged in is asked at once, alongside the first screen's code and data.
    loader: () => { void queryClient.prefetchQuery(meQuery); return null; },
    children: [
      { index: true, element: <GoToWorkspace /> },
      {
        path: 'w/:workspaceId',
        element: <AppShell />,
        children: [
          { index: true, element: <Navigate to="calendar" replace /> },
          { path: 'welcome', ...page(() => import('../screens/welcome/WelcomePage')) },
          {
            path: 'calendar',
            ...page(() => import('../screens/calendar/CalendarPage')),
            loader: ({ params, request }) => prefetchCalendar(queryClient, params.workspaceId!, request.url),
          },
          { path: 'compose', ...page(() => import('../screens/composer/ComposerPage')) },
          { path: 'compose/:postId', ...page(() => import('../screens/composer/ComposerPage')) },
          { path: 'posts/:postId', ...page(() => import('../screens/post/PostPage')) },
          { path: 'drafts', ...page(() => import('../screens/drafts/DraftsPage')) },
          { path: 'channels', ...page(() => import('../screens/channels/ChannelsPage')) },
          { path: 'channels/:channelId/queue', ...page(() => import('../screens/queue/QueuePage')) },
          { path: 'channels/:channelId/performance', ...page(() => import('../screens/performance/ChannelPerformancePage')) },
          { path: 'inbox', ...page(() => import('../screens/inbox/InboxPage')) },
          { path: 'inbox/settings', ...page(() => import('../screens/inbox/InboxSettingsPage')) },
          { path: 'campaigns', ...page(() => import('../screens/campaigns/CampaignsPage')) },
          { path: 'tokens', ...page(() => import('../screens/tokens/TokensPage')) },
          { path: 'approvals', ...page(() => import('../screens/approvals/ApprovalsPage')) },
          { path: 'team', ...page(() => import('../screens/team/TeamPage')) },
          { path: 'settings', ...page(() => import('../screens/settings/SettingsPage')) },
          { path: 'audit', ...page(() => import('../screens/audit/AuditPage')) },
          { path: 'account', ...page(() => import('../screens/account/AccountPage')) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
  { path: '*', element: <NotFound /> },
]);
