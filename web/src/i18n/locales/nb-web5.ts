/** Norsk bokmål: arbeidsområde-menyen i toppfeltet, og bilder og videoer i oppfølgere i skrivefeltet. */
import type { Messages } from './en';
import type { enWeb5 } from './en-web5';

export const nbWeb5: Pick<Messages, keyof typeof enWeb5> = {
  workspaceMenu: {
    label: 'Arbeidsområde', open: 'Arbeidsområde: kampanjer, team, innstillinger og mer',
  },
};
