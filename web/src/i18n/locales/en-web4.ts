/** English: campaigns (name, colour, UTM name, landing page, dates), per-channel media and thread in the composer, reordering the queue by dragging. */
export const enWeb4 = {
  campaigns: {
    nav: 'Campaigns', title: 'Campaigns',
    intro: 'A campaign groups the posts of one launch, sale or season: pick it in the composer, and show only its posts on the calendar.',
    create: 'Create campaign', existing: 'Your campaigns', none: 'No campaigns yet.',
    name: 'Name', colour: 'Colour', useColour: 'Give it a colour', pickColour: 'Campaign colour',
    utm: 'UTM campaign name', utmHint: 'Optional: the utm_campaign value for links, e.g. spring-sale. Letters, digits, -, _, . and ~.',
    landingUrl: 'Landing page', landingUrlHint: 'Optional: the page the campaign sends people to, e.g. https://example.com/spring.',
    startsOn: 'Starts', endsOn: 'Ends', dates: 'Dates', datesHint: 'Optional: the first and last day of the campaign.',
    between: '{{start}} – {{end}}', from: 'From {{start}}', until: 'Until {{end}}',
    posts_one: '{{count}} post', posts_other: '{{count}} posts',
    onCalendar: 'On the calendar', edit: 'Edit', editName: 'Edit {{name}}', save: 'Save',
    delete: 'Delete', deleteName: 'Delete {{name}}', deleteBody: 'Its posts stay as they are, in no campaign.',
    created: 'Campaign {{name}} created', saved: 'Campaign saved', deleted: 'Campaign deleted',
    pickerLabel: 'Campaign', noCampaign: 'No campaign', pickerNone: 'No campaigns yet.',
    filter: 'Campaign', allCampaigns: 'All campaigns',
  },
  overrides: {
    ownMedia: 'Use other images or videos for {{name}}', ownFollowups: 'Write another thread for {{name}}',
    usesBaseMedia_one: 'Uses the {{count}} image or video chosen for all channels.', usesBaseMedia_other: 'Uses the {{count}} images and videos chosen for all channels.',
    usesBaseFollowups_one: 'Uses the {{count}} follow-up written for all channels.', usesBaseFollowups_other: 'Uses the {{count}} follow-ups written for all channels.',
    media: 'Images and videos for {{name}}', chooseFiles: 'Choose files for {{name}}', mediaN: 'Media {{n}} for {{name}}',
    altFor: 'Alt text for media {{n}} on {{name}}', moveEarlier: 'Move media {{n}} on {{name}} earlier', moveLater: 'Move media {{n}} on {{name}} later', removeMedia: 'Remove media {{n}} on {{name}}',
    followups: 'Thread on {{name}}', followupN: 'Follow-up {{n}} on {{name}}', addFollowup: 'Add a follow-up on {{name}}', removeFollowup: 'Remove follow-up {{n}} on {{name}}',
  },
};
