/** Norsk bokmål: team, invitasjoner, innstillinger, revisjonslogg, kontosikkerhet, varsler. */
import type { Messages } from './en';
import type { enTeam } from './en-team';

export const nbTeam: Pick<Messages, keyof typeof enTeam> = {
  teamNav: { team: 'Team', settings: 'Innstillinger', audit: 'Revisjonslogg', account: 'Kontoen din' },
  team: {
    title: 'Team', intro: 'Hvem som jobber i dette arbeidsområdet, og hva hver enkelt kan gjøre.', members: 'Medlemmer',
    readOnly: 'Bare eiere og administratorer kan invitere folk og endre medlemmer.',
    you: 'deg', joined: 'ble med {{date}}', roleOf: 'Rollen til {{name}}', roleChanged: '{{name}} er nå {{role}}',
    remove: 'Fjern', removeName: 'Fjern {{name}}', removeBody: '{{name}} mister tilgangen til arbeidsområdet med en gang, og API-tokenene deres her slutter å virke.', removed: '{{name}} ble fjernet',
    transfer: 'Gjør til eier', transferName: 'Gjør {{name}} til eier', transferBody: '{{name}} blir eier, og du blir administrator. Bare den nye eieren kan gi eierskapet tilbake.', transferred: '{{name}} er nå eier',
  },
  invite: {
    title: 'Inviter noen', email: 'E-post (valgfritt)', emailHint: 'La feltet stå tomt for å få en lenke du deler selv; med en adresse sender Varde også lenken på e-post, og bare den adressen kan bruke den.',
    role: 'Rolle', validFor: 'Gyldig i', days_one: '{{count}} dag', days_other: '{{count}} dager', create: 'Lag invitasjon',
    roleHint: { admin: 'Alt unntatt eierskap: medlemmer, innstillinger, kanaler, revisjonsloggen.', editor: 'Skriver, planlegger, publiserer og godkjenner innlegg.', contributor: 'Skriver innlegg; de publiseres etter godkjenning når godkjenning er slått på.', viewer: 'Ser alt, endrer ingenting.' },
    createdOnce: 'Invitasjon som {{role}} laget, gyldig til {{date}}. Kopier lenken nå: den vises ikke igjen.', emailed: 'Den ble også sendt på e-post til {{email}}.',
    link: 'Invitasjonslenke', pending: 'Ventende invitasjoner', none: 'Ingen ventende invitasjoner.', for: 'For', anyone: 'alle som har lenken',
    created: 'Laget', expires: 'Utløper', actions: 'Handlinger', revoke: 'Trekk tilbake', revokeFor: 'Trekk tilbake invitasjonen for {{who}}',
  },
  acceptInvite: {
    loading: 'Invitasjon', invalid: 'Denne invitasjonen kan ikke brukes', toVarde: 'Gå til Varde', title: 'Bli med i {{workspace}}',
    body: '{{inviter}} har invitert deg til {{workspace}} i Varde som {{role}}.', until: 'Invitasjonen er gyldig til {{date}}.', forEmail: 'Den gjelder {{email}}.',
    loggedInAs: 'Du er logget inn som {{name}} ({{email}}).', join: 'Bli med i arbeidsområdet', notYou: 'Ikke deg? Logg ut',
    signupTitle: 'Opprett en konto for å bli med', signupJoin: 'Opprett konto og bli med', logInToJoin: 'Logg inn for å bli med',
  },
  settings: {
    title: 'Innstillinger for arbeidsområdet', readOnly: 'Bare eiere og administratorer kan endre disse innstillingene.',
    nameTitle: 'Navn', name: 'Navn på arbeidsområdet', saveName: 'Lagre navnet', nameSaved: 'Arbeidsområdet har fått nytt navn',
    approvalsTitle: 'Godkjenning', approvalsIntro: 'Innlegg som trenger godkjenning, venter upublisert til nok medlemmer som kan publisere (eller en kunde via en gjennomgangslenke) har godkjent dem.',
    required: 'Hvem trenger godkjenning før et innlegg publiseres',
    policy: { off: 'Ingen', contributors: 'Bidragsytere', everyone: 'Alle' },
    policyHint: { off: 'Medlemmer som kan publisere, publiserer direkte; bidragsytere kan bare lagre utkast.', contributors: 'Innlegg fra bidragsytere venter på godkjenning; andre publiserer direkte.', everyone: 'Hvert innlegg venter på godkjenning, uansett hvem som skrev det.' },
    approvers: 'Godkjenninger som trengs', approversHint: 'Fra 1 til 10; forfatterens egen godkjenning teller ikke.', save: 'Lagre godkjenningsreglene', saved: 'Godkjenningsreglene er lagret',
  },
  audit: {
    title: 'Revisjonslogg', intro: 'Hver endring i dette arbeidsområdet: hvem som gjorde den, når, gjennom hvilken økt eller hvilket API-token, og fra hvilken adresse.',
    adminOnly: 'Bare eiere og administratorer kan lese revisjonsloggen.', filters: 'Filtrer revisjonsloggen',
    actor: 'Hvem', anyone: 'Alle', action: 'Handlingen inneholder', actionHint: 'For eksempel «members», «posts» eller «DELETE».', subject: 'Gjelder', from: 'Fra', to: 'Til og med',
    apply: 'Filtrer', clear: 'Nullstill', exportCsv: 'Eksporter CSV', exportJson: 'Eksporter JSON', none: 'Ingen oppføringer passer.',
    when: 'Når', who: 'Hvem', what: 'Hva', via: 'Gjennom', address: 'Adresse',
    viaSession: 'økt {{id}}', viaToken: 'API-token {{id}}',
    kind: { session: 'økt', token: 'API-token', review_link: 'gjennomgangslenke for kunde', system: 'Varde', anonymous: 'ikke innlogget' },
    pages: 'Sider', page: 'Side {{n}}', previous: 'Forrige', next: 'Neste',
    bySubject: 'Vis bare endringer av {{id}}',
  },
  account: {
    title: 'Kontoen din', intro: 'Logget inn som {{name}} ({{email}}).',
    sessionsTitle: 'Økter', sessionsIntro: 'Hvor du er logget inn. Logg ut økter du ikke kjenner igjen.',
    thisSession: 'denne økten', unknownDevice: 'Ukjent enhet', never: 'aldri',
    sessionFacts: 'fra {{ip}}, logget inn {{started}}, sist aktiv {{seen}}',
    revoke: 'Logg ut', revokeName: 'Logg ut {{device}} (logget inn {{started}})', revokeOne: 'Logge ut denne økten?', revokeOthers: 'Logg ut alle andre økter',
    revokeBody_one: 'Den enheten må logge inn igjen.', revokeBody_other: 'De {{count}} enhetene må logge inn igjen.',
    revoked_one: 'Økten er logget ut', revoked_other: '{{count}} økter er logget ut',
    totpTitle: 'Totrinnsinnlogging', totpOff: 'Av: passordet alene logger deg inn.', totpOn: 'På siden {{date}}: innloggingen ber også om en kode fra autentiseringsappen din.',
    totpStart: 'Sett opp totrinnsinnlogging', qrLabel: 'QR-kode som skannes med en autentiseringsapp',
    totpScan: 'Skann QR-koden med en autentiseringsapp (for eksempel Aegis, 2FAS, Google Authenticator eller 1Password), eller skriv inn nøkkelen. Skriv så inn koden appen viser.',
    secret: 'Nøkkel', secretHint: 'Ta vare på den: med den kan du legge kontoen til på en ny telefon. Varde har ingen gjenopprettingskoder.',
    code: 'Sekssifret kode', codeHint: 'Koden appen viser nå.', totpConfirm: 'Slå på totrinnsinnlogging', totpEnabled: 'Totrinnsinnlogging er på',
    password: 'Passord', disableHint: 'Skriv inn passordet ditt for å slå av totrinnsinnlogging.', totpDisable: 'Slå av totrinnsinnlogging', totpDisabled: 'Totrinnsinnlogging er av',
    prefsTitle: 'Varsler', prefsIntro: 'Alle varsler vises under bjella. Velg hvilke som også kommer på e-post (mislykkede innlegg og kanaler som må kobles til igjen, sendes på e-post til eiere og administratorer).',
    kind: 'Type', inApp: 'I appen', byEmail: 'På e-post', always: 'Alltid', emailFor: 'Send meg e-post om: {{kind}}',
  },
  bell: {
    label: 'Varsler', unread_one: '{{count}} ulest', unread_other: '{{count}} uleste', new: 'ulest', none: 'Ingenting ennå.',
    markRead: 'Merk som lest', markReadOne: 'Merk som lest: {{message}}', markAllRead: 'Merk alle som lest',
    kinds: {
      'delivery.failed': 'Innlegg mislyktes', 'delivery.needs_attention': 'Innlegg trenger tilsyn', 'channel.needs_reconnect': 'Kanal må kobles til igjen',
      'approval.requested': 'Godkjenning etterspurt', 'approval.decided': 'Godkjenning avgjort', 'comment.mention': 'Omtale eller kommentar', 'inbox.assigned': 'Tildelt deg',
    },
  },
  login2fa: { code: 'Kode fra autentiseringsappen', hint: 'Totrinnsinnlogging er på for denne kontoen: skriv inn den sekssifrede koden fra appen.', invalid: 'Koden er feil eller utløpt; skriv inn den appen viser nå.' },
};
