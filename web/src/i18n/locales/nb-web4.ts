/** Norsk bokmål: kampanjer, egne bilder og egen tråd per kanal i skrivefeltet, og å dra innlegg i køen. */
import type { Messages } from './en';

export const nbWeb4: Pick<Messages, 'campaigns'> = {
  campaigns: {
    nav: 'Kampanjer', title: 'Kampanjer',
    intro: 'En kampanje samler innleggene til én lansering, ett salg eller én sesong: velg den i skrivefeltet, og vis bare dens innlegg i kalenderen.',
    create: 'Opprett kampanje', existing: 'Kampanjene dine', none: 'Ingen kampanjer ennå.',
    name: 'Navn', colour: 'Farge', useColour: 'Gi den en farge', pickColour: 'Kampanjens farge',
    utm: 'UTM-kampanjenavn', utmHint: 'Valgfritt: utm_campaign-verdien for lenker, for eksempel vårsalg-2031. Bokstaver, sifre, -, _, . og ~.',
    posts_one: '{{count}} innlegg', posts_other: '{{count}} innlegg',
    onCalendar: 'I kalenderen', edit: 'Rediger', editName: 'Rediger {{name}}', save: 'Lagre',
    delete: 'Slett', deleteName: 'Slett {{name}}', deleteBody: 'Innleggene blir stående som de er, uten kampanje.',
    created: 'Kampanjen {{name}} er opprettet', saved: 'Kampanjen er lagret', deleted: 'Kampanjen er slettet',
    pickerLabel: 'Kampanje', noCampaign: 'Ingen kampanje', pickerNone: 'Ingen kampanjer ennå.',
    filter: 'Kampanje', allCampaigns: 'Alle kampanjer',
  },
};
