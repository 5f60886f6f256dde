/** Norsk bokmål: resultater — et innleggs tall på innleggssiden, og en kanals resultatside. */
import type { Messages } from './en';

export const nbPerf: Pick<Messages, 'perf'> = {
  perf: {
    title: 'Resultater', link: 'Resultater',
    metrics: { impressions: 'Visninger', likes: 'Likerklikk', comments: 'Kommentarer', shares: 'Delinger', saves: 'Lagringer', clicks: 'Klikk' },
    notOffered: 'ikke tilgjengelig', notOfferedLong: 'ikke tilgjengelig fra dette nettverket', notMeasured: 'ikke målt ennå',
    allChannels: 'Alle kanaler samlet', perChannel: 'Per kanal',
    lastMeasured: 'Sist målt {{time}}', neverMeasured: 'Ikke målt ennå: publiserte innlegg måles innen noen minutter, deretter sjeldnere og sjeldnere i 30 dager.',
    networkOffersNone: '{{network}} gir ikke Varde noen tall.',
    measuredAt: 'Målt', nextAt: 'Neste måling', nextSoon: 'innen noen minutter', stopped: 'stoppet (innlegg måles i 30 dager)',
    measureNow: 'Mål nå', measuring: 'Måler …',
    measuredSummary_one: 'Målte {{done}} av {{count}} kanal.', measuredSummary_other: 'Målte {{done}} av {{count}} kanaler.',
    outcome: {
      collected: 'målt', missing: 'nettverket viser ikke lenger dette innlegget', rate_limited: 'nettverket ber Varde vente til {{time}}',
      failed: 'mislyktes: {{message}} (prøver igjen {{time}})', not_offered: 'dette nettverket gir ingen tall', channel_inactive: 'kanalen må kobles til på nytt',
      recent: 'målt for under et minutt siden', busy: 'blir målt akkurat nå',
    },
    channelTitle: 'Resultater for {{name}}', period: 'Periode', days_one: '{{count}} dag', days_other: '{{count}} dager',
    followers: 'Følgere',
    followersChart: 'Følgere av {{name}} de siste {{count}} dagene',
    followersSummary: 'Fra {{first}} {{from}} til {{last}} {{to}}: {{change}}.',
    followersOne: '{{first}} {{from}}; én måling i denne perioden.',
    noFollowers: 'Ingen målinger i denne perioden ennå: Varde leser antall følgere én gang om dagen.',
    followersNotOffered: '{{network}} gir ikke Varde antall følgere.',
    showTable: 'Vis målingene som tabell', date: 'Dato',
    posts: 'Innlegg', post: 'Innlegg', published: 'Publisert', noPosts: 'Ingen innlegg publisert på denne kanalen i denne perioden.',
    postsNotOffered: '{{network}} gir ikke Varde tall for innlegg; innleggene vises uten tall.',
    totals_one: 'Sum for {{count}} innlegg', totals_other: 'Sum for {{count}} innlegg',
    truncated: 'Bare de {{count}} nyeste innleggene vises.',
    ascending: 'lavest først', descending: 'høyest først', sortedBy: 'Sortert etter {{column}}, {{direction}}.',
  },
};
