/** Norsk bokmål: arbeidsområde-menyen i toppfeltet, og bilder og videoer i oppfølgere i skrivefeltet. */
import type { Messages } from './en';
import type { enWeb5 } from './en-web5';

export const nbWeb5: Pick<Messages, keyof typeof enWeb5> = {
  workspaceMenu: {
    label: 'Arbeidsområde', open: 'Arbeidsområde: kampanjer, team, innstillinger og mer',
  },
  followupMedia: {
    where: 'oppfølger {{n}}', whereOn: 'oppfølger {{n}} på {{name}}', add: 'Legg til bilder eller videoer i {{where}}',
    media: 'Bilder og videoer i {{where}}', chooseFiles: 'Velg filer for {{where}}', mediaN: 'Medium {{n}} i {{where}}',
    altFor: 'Alternativ tekst for medium {{n}} i {{where}}', moveEarlier: 'Flytt medium {{n}} i {{where}} fram', moveLater: 'Flytt medium {{n}} i {{where}} bak', removeMedia: 'Fjern medium {{n}} i {{where}}',
  },
};
