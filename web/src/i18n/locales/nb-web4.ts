/** Norsk bokmål: kampanjer, egne bilder og egen tråd per kanal i skrivefeltet, og å dra innlegg i køen. */
import type { Messages } from './en';

export const nbWeb4: Pick<Messages, 'campaigns' | 'overrides'> = {
  campaigns: {
    nav: 'Kampanjer', title: 'Kampanjer',
    intro: 'En kampanje samler innleggene til én lansering, ett salg eller én sesong: velg den i skrivefeltet, og vis bare dens innlegg i kalenderen.',
    create: 'Opprett kampanje', existing: 'Kampanjene dine', none: 'Ingen kampanjer ennå.',
    name: 'Navn', colour: 'Farge', useColour: 'Gi den en farge', pickColour: 'Kampanjens farge',
    utm: 'UTM-kampanjenavn', utmHint: 'Valgfritt: utm_campaign-verdien for lenker, for eksempel vårsalg-2031. Bokstaver, sifre, -, _, . og ~.',
    landingUrl: 'Landingsside', landingUrlHint: 'Valgfritt: siden kampanjen sender folk til, for eksempel https://example.com/var.',
    startsOn: 'Starter', endsOn: 'Slutter', dates: 'Datoer', datesHint: 'Valgfritt: kampanjens første og siste dag.',
    between: '{{start}}–{{end}}', from: 'Fra {{start}}', until: 'Til og med {{end}}',
    posts_one: '{{count}} innlegg', posts_other: '{{count}} innlegg',
    onCalendar: 'I kalenderen', edit: 'Rediger', editName: 'Rediger {{name}}', save: 'Lagre',
    delete: 'Slett', deleteName: 'Slett {{name}}', deleteBody: 'Innleggene blir stående som de er, uten kampanje.',
    created: 'Kampanjen {{name}} er opprettet', saved: 'Kampanjen er lagret', deleted: 'Kampanjen er slettet',
    pickerLabel: 'Kampanje', noCampaign: 'Ingen kampanje', pickerNone: 'Ingen kampanjer ennå.',
    filter: 'Kampanje', allCampaigns: 'Alle kampanjer',
  },
  overrides: {
    ownMedia: 'Bruk andre bilder eller videoer for {{name}}', ownFollowups: 'Skriv en annen tråd for {{name}}',
    usesBaseMedia_one: 'Bruker {{count}} bilde eller video som er valgt for alle kanaler.', usesBaseMedia_other: 'Bruker de {{count}} bildene og videoene som er valgt for alle kanaler.',
    usesBaseFollowups_one: 'Bruker {{count}} oppfølger som er skrevet for alle kanaler.', usesBaseFollowups_other: 'Bruker de {{count}} oppfølgerne som er skrevet for alle kanaler.',
    media: 'Bilder og videoer for {{name}}', chooseFiles: 'Velg filer for {{name}}', mediaN: 'Medium {{n}} for {{name}}',
    altFor: 'Alternativ tekst for medium {{n}} på {{name}}', moveEarlier: 'Flytt medium {{n}} på {{name}} fram', moveLater: 'Flytt medium {{n}} på {{name}} bak', removeMedia: 'Fjern medium {{n}} på {{name}}',
    followups: 'Tråd på {{name}}', followupN: 'Oppfølger {{n}} på {{name}}', addFollowup: 'Legg til oppfølger på {{name}}', removeFollowup: 'Fjern oppfølger {{n}} på {{name}}',
  },
};
