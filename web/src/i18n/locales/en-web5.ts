/** English: the header's workspace menu, and images and videos on follow-ups in the composer. */
export const enWeb5 = {
  workspaceMenu: {
    label: 'Workspace', open: 'Workspace: campaigns, team, settings and more',
  },
  followupMedia: {
    where: 'follow-up {{n}}', whereOn: 'follow-up {{n}} on {{name}}', add: 'Add images or videos to {{where}}',
    media: 'Images and videos for {{where}}', chooseFiles: 'Choose files for {{where}}', mediaN: 'Media {{n}} of {{where}}',
    altFor: 'Alt text for media {{n}} of {{where}}', moveEarlier: 'Move media {{n}} of {{where}} earlier', moveLater: 'Move media {{n}} of {{where}} later', removeMedia: 'Remove media {{n}} of {{where}}',
  },
};
