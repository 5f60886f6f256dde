/** English: the header's workspace menu, and images and videos on follow-ups in the composer. */
export const enWeb5 = {
  workspaceMenu: {
    label: 'Workspace', open: 'Workspace: campaigns, team, settings and more',
  },
};
