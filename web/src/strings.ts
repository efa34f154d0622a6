// Every text the app shows, in one place: German now, another language by another object of this shape.
import { dashboard } from './strings-dashboard.js';

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** An ISO date as German readers write it, at the precision it has: `2025`, `April 2025`, `03.04.2025` (a time is left out). */
function isoDate(value: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, year, month, day] = m;
  if (day) return `${day}.${month}.${year}`;
  if (month) return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
  return year!;
}

const EXCHANGE_KINDS: Record<string, string> = { ROLE_MODEL: 'Vorbild', KNOWLEDGE_EXCHANGE: 'Wissensaustausch', JOINT_DEVELOPMENT: 'gemeinsame Entwicklung', TRANSFER: 'Übernahme einer Lösung' };

const STATUS: Record<string, string> = { IMPLEMENTED: 'umgesetzt', IN_PROGRESS: 'in Umsetzung', PLANNED: 'geplant', UNKNOWN: 'Stand unbekannt' };

export const de = {
  appName: 'Smart-City-Netzwerk',
  skipToContent: 'Zum Inhalt springen',
  /** The name of a table's own sideways-scrolling box on a narrow screen. */
  tableRegion: (caption: string) => `Tabelle: ${caption}`,
  nav: { start: 'Suche', peers: 'Partner finden', measures: 'Maßnahmen', dashboard: 'Reichweite', signIn: 'Anmelden', signedIn: 'Angemeldet', account: 'Mein Zugang', signOut: 'Abmelden', label: 'Hauptnavigation', menu: 'Menü' },
  footer: 'Daten: Gemeindeverzeichnis © Statistisches Bundesamt (Destatis), 2025, Datenlizenz Deutschland – Namensnennung – 2.0; Modellprojekte, Maßnahmen, Austausch und Veranstaltungen aus öffentlichen Quellen, je mit Quelle.',
  search: {
    title: 'Suche',
    intro: 'Gemeinden, Kreise, Projekte, Maßnahmen, Themen, Förderprogramme und Lösungen finden — auch mit „Landkreis“, „Kreis“ oder „Gemeinde“ vor dem Namen. Tippfehler und Umlaute als ae, oe, ue werden toleriert.',
    label: 'Suchbegriff',
    button: 'Suchen',
    none: (text: string) => `Nichts gefunden für „${text}“.`,
    count: (n: number) => (n === 1 ? '1 Treffer' : `${n} Treffer`),
    groups: {
      Municipality: 'Gemeinden und Kreise', Project: 'Projekte', Measure: 'Maßnahmen', Topic: 'Themen', Event: 'Veranstaltungen', Organization: 'Organisationen', Contact: 'Personen',
      Programme: 'Förderprogramme', ReusableSolution: 'Lösungen',
    } as Record<string, string>,
  },
  loading: 'Wird geladen …',
  error: {
    title: 'Das hat nicht geklappt',
    unreachable: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in einem Moment erneut.',
    requestId: (id: string) => `Anfrage-Nummer: ${id}`,
    retryAfter: (seconds: number) => `Sie können es in ${seconds === 1 ? 'einer Sekunde' : `${seconds} Sekunden`} erneut versuchen.`,
    retryIn: (seconds: number) => `Erneut versuchen (in ${seconds} s)`,
    retry: 'Erneut versuchen',
    notFound: (ags: string) => `Keine Gemeinde mit dem Schlüssel ${ags}.`,
    byCode: {
      BAD_USER_INPUT: 'Die Eingabe passt nicht.',
      NOT_FOUND: 'Nicht gefunden.',
      RATE_LIMITED: 'Von Ihrem Anschluss kamen in kurzer Zeit zu viele Anfragen.',
      QUERY_TOO_COMPLEX: 'Diese Abfrage ist zu umfangreich. Bitte grenzen Sie sie ein.',
      SERVICE_UNAVAILABLE: 'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
      UNAUTHENTICATED: 'Dafür müssen Sie angemeldet sein.',
      FORBIDDEN: 'Dafür fehlt Ihnen die Berechtigung.',
    } as Record<string, string>,
    other: 'Ein Fehler ist aufgetreten.',
  },
  kind: { LAND: 'Land', LANDKREIS: 'Landkreis', KREISFREIE_STADT: 'Kreisfreie Stadt', STADT: 'Stadt', GEMEINDE: 'Gemeinde', VERBAND: 'Gemeindeverband' } as Record<string, string>,
  sizeClass: { GROSSSTADT: 'Großstadt', MITTELSTADT: 'Mittelstadt', KLEINSTADT: 'Kleinstadt', LANDGEMEINDE: 'Landgemeinde' } as Record<string, string>,
  urbanisation: { DENSE: 'dicht besiedelt', INTERMEDIATE: 'mittlere Besiedlungsdichte', THIN: 'gering besiedelt' } as Record<string, string>,
  status: STATUS,
  exchangeKinds: EXCHANGE_KINDS,
  exchangeKind: (kind: string) => EXCHANGE_KINDS[kind] ?? kind,
  municipality: {
    facts: 'Steckbrief',
    findPeers: 'Partner und Lösungen für diese Kommune finden',
    kind: 'Art',
    kreis: 'Kreis',
    land: 'Land',
    population: 'Einwohner',
    sizeClass: 'Größenklasse',
    urbanisation: 'Besiedlung',
    unknown: 'nicht bekannt',
    topics: 'Themen (aus eigenen Projekten, erklärten Interessen, Förderprogrammen und eingesetzten Lösungen)',
    noTopics: 'Noch keine eigenen Themen: Die Kommune führt kein Modellprojekt, nimmt an keinem erfassten Förderprogramm teil, nutzt keine erfasste Lösung und hat kein Interesse erklärt.',
    inherited: 'Geerbte Themen',
    inheritedHint: 'Themen, die über den Kreis oder Gemeindeverband (beim Kreis: über seine Gemeinden) hinzukommen. Bei der Partnersuche zählen sie nur auf Wunsch.',
    inheritedMark: 'geerbt',
    via: 'über',
    projects: 'Projekte und Maßnahmen',
    noProjects: 'Keine Projekte.',
    moreProjects: (shown: number, total: number) => `${shown} von ${total} Projekten gezeigt.`,
    role: { LEAD: 'federführend', PARTNER: 'Partner' } as Record<string, string>,
    asOf: (date: string) => `Stand ${isoDate(date)}`,
    events: 'Veranstaltungen',
    attended: 'Teilgenommen',
    hosted: 'Ausgerichtet',
    noEvents: 'Keine.',
    exchanges: 'Austausch mit anderen Kommunen',
    noExchanges: 'Keine erfassten Austauschbeziehungen.',
    since: (year: string) => `seit ${year}`,
    contacts: 'Ansprechpersonen',
    noContacts: 'Keine Ansprechpersonen sichtbar: Personen werden von der Kommune selbst eingetragen und nur gezeigt, soweit sie zugestimmt haben.',
    sources: 'Quellen',
    source: 'Quelle',
    register: 'Gemeindeverzeichnis (Destatis)',
    programmes: 'Förderprogramme',
    noProgrammes: 'Keine Teilnahme an einem Förderprogramm aus öffentlichen Quellen bekannt.',
    group: 'Gruppe',
    fellows: 'Mit',
    modelProject: 'Modellprojekt',
    topicsWording: 'Themen laut Quelle',
    programmeFields: 'Die Quelle nennt nur die Themenfelder des Programms, nicht die eigenen Themen der Kommune.',
    solutions: 'Lösungen im Einsatz',
    noSolutions: 'Keine wiederverwendbare Lösung aus öffentlichen Quellen bekannt.',
    usedFor: 'genutzt für',
    ownDevelopment: 'eigene Entwicklung',
    index: 'Bitkom Smart City Index',
    indexHint: 'Ränge im Smart City Index des Bitkom, wie sie die verlinkte Seite berichtet (zitierte Angaben; die Rechte an den Tabellen liegen beim Bitkom). Ränge sind über die Jahre vergleichbar, Punktwerte nicht.',
    rank: (rank: number, year: number) => `Rang ${rank} (${year})`,
    score: (score: number) => `${score.toLocaleString('de-DE', { maximumFractionDigits: 1 })} von 100 Punkten`,
    contactPoints: 'Ansprechstellen',
    contactPointsHint: 'Zuständige Stellen, die die Kommune für ihre Modellprojekte veröffentlicht — ohne Namen von Personen. Kontaktdaten veralten schnell: bitte das Datum beachten.',
    noContactPoints: 'Keine veröffentlichte Ansprechstelle erfasst.',
  },
  participationRole: {
    LEAD: 'federführend', PARTNER: 'Partner', MEMBER: 'Mitglied', MODEL_REGION: 'Modellregion', FINALIST: 'Finalist', WINNER: 'Preisträger', PILOT: 'Pilot',
  } as Record<string, string>,
  useStatus: { LIVE: 'in Betrieb', PILOT: 'in Erprobung', PLANNED: 'geplant', ENDED: 'beendet' } as Record<string, string>,
  useStatusNone: 'Mitglied der Anwendergemeinschaft, Nutzung nicht belegt',
  channelBasis: {
    OFFICIAL_PAGE: '',
    RECONSTRUCTED: 'aus einer verfremdeten Angabe ergänzt – bitte vor Gebrauch prüfen',
    GENERAL: 'allgemeines Postfach, nicht das Projektteam',
    THIRD_PARTY_PAGE: 'nur auf einer Drittseite gefunden – bitte prüfen',
  } as Record<string, string>,
  contactPoint: {
    phone: 'Telefon',
    web: 'Website',
    contactPage: 'Kontaktseite',
    forProject: 'für',
    asOf: (date: string) => `Stand ${isoDate(date)}`,
  },
  programme: {
    funder: 'Förderer',
    level: { BUND: 'Bundesprogramm', LAND: 'Landesprogramm' } as Record<string, string>,
    states: 'Bund oder Land',
    years: 'Jahre',
    participants: 'Teilnehmende Kommunen',
    onlyNamed: 'Aufgeführt sind nur Kommunen, die eine öffentliche Quelle nennt. Bei manchen Programmen ist das nur ein Teil aller Teilnehmenden: Eine fehlende Kommune kann trotzdem teilnehmen.',
    modelProjects: 'Teilnehmende sind hier die Träger der Modellprojekte Smart Cities (federführend oder als weitere Träger).',
    filters: 'Teilnehmende eingrenzen',
    land: 'Land',
    role: 'Rolle',
    any: 'alle',
    count: (n: number) => (n === 1 ? '1 teilnehmende Kommune' : `${n.toLocaleString('de-DE')} teilnehmende Kommunen`),
    none: 'Keine Teilnehmenden mit diesen Eingrenzungen.',
    more: 'Weitere laden',
    shown: (shown: number, total: number) => `${shown.toLocaleString('de-DE')} von ${total.toLocaleString('de-DE')} angezeigt`,
    mapLabel: (n: number) => `Karte Deutschlands mit allen Gemeinden als Punkte; ${n} Teilnehmende markiert und nummeriert wie in der Liste. Die Liste ist die Textfassung dieser Karte.`,
    mapCaption: (n: number) => `${n.toLocaleString('de-DE')} Gemeinden nach dem Gemeindeverzeichnis; Umriss: Natural Earth (gemeinfrei). Blau und nummeriert: die Teilnehmenden wie in der Liste.`,
    notFound: (slug: string) => `Kein Förderprogramm mit der Kennung „${slug}“.`,
    sources: 'Quellen',
  },
  solution: {
    origin: 'Ursprung',
    noOrigin: 'nicht angegeben',
    openSource: 'Open Source',
    openSourceYes: 'ja, laut Quelle',
    openSourceUnknown: 'keine Angabe',
    repository: 'Quellcode',
    topics: 'Wofür sie genutzt wird',
    users: 'Kommunen, die sie einsetzen',
    usersHint: 'Nur Kommunen, die eine öffentliche Quelle nennt — keine vollständige Zählung: Die Anbieter nennen selbst mehr.',
    nearest: (name: string) => `Nächstgelegene zuerst, von ${name} aus.`,
    byName: 'Nach Namen geordnet.',
    distance: (km: number) => `${Math.round(km).toLocaleString('de-DE')} km entfernt`,
    count: (n: number) => (n === 1 ? '1 Kommune' : `${n.toLocaleString('de-DE')} Kommunen`),
    more: 'Weitere laden',
    shown: (shown: number, total: number) => `${shown.toLocaleString('de-DE')} von ${total.toLocaleString('de-DE')} angezeigt`,
    mapLabel: (n: number) => `Karte Deutschlands mit allen Gemeinden als Punkte; ${n} Kommunen mit dieser Lösung markiert und nummeriert wie in der Liste. Die Liste ist die Textfassung dieser Karte.`,
    mapCaption: (n: number) => `${n.toLocaleString('de-DE')} Gemeinden nach dem Gemeindeverzeichnis; Umriss: Natural Earth (gemeinfrei). Rot: Ihre Kommune; blau und nummeriert: die Kommunen wie in der Liste.`,
    notFound: (slug: string) => `Keine Lösung mit der Kennung „${slug}“.`,
    sources: 'Quellen',
  },
  state: {
    SCHLESWIG_HOLSTEIN: 'Schleswig-Holstein', HAMBURG: 'Hamburg', NIEDERSACHSEN: 'Niedersachsen', BREMEN: 'Bremen',
    NORDRHEIN_WESTFALEN: 'Nordrhein-Westfalen', HESSEN: 'Hessen', RHEINLAND_PFALZ: 'Rheinland-Pfalz', BADEN_WUERTTEMBERG: 'Baden-Württemberg',
    BAYERN: 'Bayern', SAARLAND: 'Saarland', BERLIN: 'Berlin', BRANDENBURG: 'Brandenburg', MECKLENBURG_VORPOMMERN: 'Mecklenburg-Vorpommern',
    SACHSEN: 'Sachsen', SACHSEN_ANHALT: 'Sachsen-Anhalt', THUERINGEN: 'Thüringen',
  } as Record<string, string>,
  peers: {
    title: 'Partner finden',
    intro: 'Kommunen, die an denselben Themen arbeiten und ähnlich aufgestellt sind, und Lösungen, die andere schon umgesetzt haben — für jede Gemeinde, auch ohne eigenes Modellprojekt.',
    yours: 'Ihre Kommune',
    filterPanel: (chosen: number) => (chosen === 0 ? 'Themen und Filter' : `Themen und Filter (${chosen} gewählt)`),
    choose: 'Kommune suchen',
    chooseButton: 'Suchen',
    pick: (name: string) => `${name} wählen`,
    chosen: (name: string) => `Gewählt: ${name}`,
    change: 'Andere Kommune wählen',
    interests: 'Woran Sie gerade arbeiten (Themen, nur für diese Anfrage)',
    interestsHint: 'Nichts wird gespeichert. Ohne Auswahl zählen die Themen Ihrer eigenen Projekte.',
    filters: 'Eingrenzen',
    radius: 'Umkreis in km (leer: ganz Deutschland)',
    sizeClass: 'Größenklasse',
    land: 'Land',
    any: 'alle',
    excludeOwnKreis: 'Eigenen Kreis auslassen',
    show: 'Anzeigen',
    tabs: 'Ergebnisse',
    tabPeers: 'Ähnliche Kommunen',
    tabSolutions: 'Lösungen zum Übernehmen',
    count: (n: number) => `${n.toLocaleString('de-DE')} insgesamt, die besten 20:`,
    score: (x: number) => `Passung ${Math.round(x * 100)} %`,
    modelScore: (x: number) => `Punktzahl ${x.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`,
    why: 'Warum diese Kommune',
    contribution: (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} Punkte`,
    model: (version: string) =>
      `Gereiht von einem Modell (${version}), das aus den bekannten Partnerschaften gelernt hat: Austausch, gemeinsame Projekte, übernommene Lösungen. Unter „Warum“ steht, was am meisten zählte, in Punkten gegenüber einer durchschnittlichen Kommune; alle Anteile zusammen ergeben die Punktzahl.`,
    /** A feature's value in words. */
    feature: (feature: string, value: number, e: { distanceKm?: number | null; structure?: { populationRatio?: number | null } | null; sharedTopics: unknown[] }): string => {
      const n = (x: number) => x.toLocaleString('de-DE', { maximumFractionDigits: 1 });
      switch (feature) {
        case 'DISTANCE': return e.distanceKm != null ? `${Math.round(e.distanceKm).toLocaleString('de-DE')} km entfernt` : 'Lage unbekannt';
        case 'SAME_KREIS': return value > 0 ? 'im selben Kreis' : 'in einem anderen Kreis';
        case 'KREIS_AND_MEMBER': return value > 0 ? 'Landkreis und kreisangehörige Gemeinde' : 'nicht Kreis und Gemeinde darin';
        case 'NEIGHBOURING_KREIS': return value > 0 ? 'Nachbarkreis' : 'kein Nachbarkreis';
        case 'SAME_LAND': return value > 0 ? 'im selben Land' : 'in einem anderen Land';
        case 'POPULATION_RATIO': return e.structure?.populationRatio != null ? `Einwohner im Verhältnis 1 : ${n(e.structure.populationRatio)}` : 'Einwohnerzahl unbekannt';
        case 'PEER_POPULATION': return `${Math.round(Math.expm1(value)).toLocaleString('de-DE')} Einwohner`;
        case 'SAME_SIZE_CLASS': return value > 0 ? 'gleiche Größenklasse' : 'andere Größenklasse';
        case 'SAME_URBANISATION': return value > 0 ? 'gleiche Besiedlung' : 'andere Besiedlung';
        case 'SAME_KIND': return value > 0 ? 'gleiche Art von Kommune' : 'andere Art von Kommune';
        case 'PEER_IS_LANDKREIS': return value > 0 ? 'ist ein Landkreis' : 'ist kein Landkreis';
        case 'PEER_IS_KREISFREIE_STADT': return value > 0 ? 'ist eine kreisfreie Stadt' : 'ist keine kreisfreie Stadt';
        case 'PEER_IS_VERBAND': return value > 0 ? 'ist ein Gemeindeverband' : 'ist kein Gemeindeverband';
        case 'TOPIC_SIMILARITY': return e.sharedTopics.length === 0 ? 'keine gemeinsamen Themen' : e.sharedTopics.length === 1 ? '1 gemeinsames Thema' : `${e.sharedTopics.length} gemeinsame Themen`;
        case 'SHARED_PROGRAMMES': return value > 0 ? 'gemeinsame Förderprogramme' : 'kein gemeinsames Förderprogramm';
        case 'SHARED_GROUPS': return value > 0 ? 'dieselbe Gruppe eines Programms' : 'keine gemeinsame Programmgruppe';
        case 'SHARED_SOLUTIONS': return value > 0 ? 'nutzen dieselben Lösungen' : 'keine gemeinsame Lösung';
        case 'ADOPTED_FROM_OTHER': return value > 0 ? 'eine nutzt eine Lösung der anderen' : 'keine übernommene Lösung';
        case 'CO_ATTENDANCE': return value > 0 ? 'bei denselben Veranstaltungen' : 'keine gemeinsame Veranstaltung';
        case 'COMMON_PARTNERS': return value > 0 ? `${Math.round(Math.expm1(value))} gemeinsame Partner` : 'keine gemeinsamen Partner';
        case 'ADAMIC_ADAR': return value > 0 ? 'gemeinsame Partner mit wenigen Verbindungen' : 'keine gemeinsamen Partner';
        case 'WITHIN_THREE_STEPS': return value > 0 ? 'über Partner verbunden' : 'nicht über Partner verbunden';
        case 'PEER_ACTIVITY': {
          const n = Math.round(Math.expm1(value));
          return n > 0 ? `${n} erfasste Aktivität${n === 1 ? '' : 'en'} (Projekte, Programme, Lösungen, Veranstaltungen)` : 'keine Projekte, Programme, Lösungen oder Veranstaltungen erfasst';
        }
        case 'PEER_DEGREE': return value > 0 ? `${Math.round(Math.expm1(value))} bekannte Partner` : 'noch keine bekannten Partner';
        default: return feature;
      }
    },
    whySolution: 'Warum diese Lösung',
    noTopicMatch: 'berührt keines Ihrer Themen',
    peersLikeYou: (runner: string) => `Kommunen wie Ihre, die schon etwas von ${runner} übernommen haben:`,
    learningModel: (version: string) =>
      `Gereiht von einem Modell (${version}), das aus echten Übernahmen gelernt hat: wer welche Lösung von wem übernommen hat. Zuerst Lösungen zu den gewählten Themen, dann zu Ihren übrigen Themen, dann alle anderen; weitere Lösungen derselben Kommune rücken je einen Punkt nach hinten, damit nicht eine Kommune die Liste füllt. Unter „Warum“ steht, was am meisten zählte.`,
    /** A learning-partner feature's value in words. */
    learningFeature: (feature: string, value: number, e: { distanceKm?: number | null }): string => {
      switch (feature) {
        case 'STATUS': return value >= 1 ? 'schon umgesetzt' : value >= 0.6 ? 'in Umsetzung' : 'geplant oder Stand unbekannt';
        case 'RUNNER_STRUCTURE': return `Ausgangslage zu ${Math.round(value * 100)} % ähnlich`;
        case 'RUNNER_DISTANCE': return e.distanceKm != null ? `${Math.round(e.distanceKm).toLocaleString('de-DE')} km entfernt` : 'Lage unbekannt';
        case 'RUNNER_PEER_SCORE': return value > 0 ? 'passt gut als Partnerkommune' : 'passt weniger gut als Partnerkommune';
        case 'RUNNER_TAKEN_UP_BY': {
          const n = Math.round(Math.expm1(value));
          return n > 0 ? `${n} Kommune${n === 1 ? ' hat' : 'n haben'} schon etwas von dort übernommen` : 'von dort hat noch niemand etwas übernommen';
        }
        case 'TAKEN_UP_BY_PEERS_LIKE_YOU': {
          const n = Math.round(Math.expm1(value));
          return n > 0 ? `${n} Kommune${n === 1 ? '' : 'n'} wie Ihre nutz${n === 1 ? 't' : 'en'} schon etwas von dort` : 'noch keine Kommune wie Ihre';
        }
        case 'IS_PROJECT': return value > 0 ? 'ein ganzes Projekt' : 'eine einzelne Maßnahme';
        default: return feature;
      }
    },
    bothIn: 'Beide im Programm',
    sameGroup: (names: string[]) => `Beide in der Gruppe ${names.join(', ')}`,
    bothUse: 'Beide nutzen',
    adopted: (user: string, solution: string) => `${user} nutzt ${solution} aus der anderen Kommune`,
    bothAttended: 'Beide bei',
    commonPartners: (names: string[]) => `Gemeinsame Partner: ${names.join(', ')}`,
    basis: {
      MODEL: 'nach dem gelernten Modell',
      TOPICS: 'nach Themen', STRUCTURE: 'nach Ausgangslage', TOPICS_AND_STRUCTURE: 'nach Themen und Ausgangslage',
      STRUCTURE_ONLY: 'nur nach Ausgangslage (keine Themen zum Vergleichen)',
    } as Record<string, string>,
    shared: 'Gemeinsame Themen',
    noShared: 'Keine gemeinsamen Themen.',
    structureOnly: (parts: string[]) =>
      parts.length > 0 ? `Keine gemeinsamen Themen: vorgeschlagen wegen ähnlicher Ausgangslage (${parts.join(', ')}).` : 'Keine gemeinsamen Themen: vorgeschlagen nach Lage und Verbindungen, nicht nach Themen.',
    alike: { population: 'Einwohnerzahl', urbanisation: 'Siedlungsstruktur', kind: 'Art der Kommune', land: 'Land', near: 'Nähe' },
    weight: (x: number) => `${Math.round(x * 100)} % der Themenpassung`,
    structure: 'Ausgangslage',
    structureScore: (x: number) => `Ähnlichkeit ${Math.round(x * 100)} %`,
    populationRatio: (x: number) => `Einwohner im Verhältnis 1 : ${x.toLocaleString('de-DE', { maximumFractionDigits: 1 })}`,
    sameSizeClass: 'gleiche Größenklasse',
    sameUrbanisation: 'gleiche Besiedlung',
    sameKind: 'gleiche Art',
    sameState: 'gleiches Land',
    distance: (km: number) => `${Math.round(km).toLocaleString('de-DE')} km entfernt`,
    runner: 'Ansprechpartner-Kommune',
    contact: 'Kontakt',
    noContacts: 'Keine Ansprechperson eingetragen — siehe Quellen.',
    contactPoints: 'Ansprechstelle',
    matched: 'Passende Themen',
    /** How far a solution has got, said once: "Stand: umgesetzt", but "Stand unbekannt". */
    statusLine: (status: string) => (status === 'UNKNOWN' ? STATUS.UNKNOWN! : `Stand: ${STATUS[status] ?? status}`),
    none: 'Keine Ergebnisse mit diesen Eingrenzungen.',
  },
  measures: {
    title: 'Projekte und Maßnahmen',
    intro: 'Was die Modellprojekte Smart Cities umsetzen — gefiltert wie in der Maßnahmendatenbank des Programms, mit den Summen je Stand.',
    filters: 'Filter',
    filterPanel: (chosen: number) => (chosen === 0 ? 'Filter' : `Filter (${chosen} gewählt)`),
    topic: 'Thema',
    status: 'Stand',
    land: 'Land',
    sizeClass: 'Größenklasse',
    cohort: 'Staffel (Förderjahr)',
    text: 'Stichwort',
    any: 'alle',
    apply: 'Filtern',
    total: (n: number) => `${n.toLocaleString('de-DE')} Maßnahmen`,
    byStatus: 'Nach Stand',
    project: 'Projekt',
    runners: 'Kommunen',
    next: 'Weitere laden',
    none: 'Keine Maßnahmen mit diesen Filtern.',
    shown: (shown: number, total: number) => `${shown.toLocaleString('de-DE')} von ${total.toLocaleString('de-DE')} angezeigt`,
  },
  /** The detail pages of a project, a measure, a topic and an event (/projekt/…, /massnahme/…, /thema/…, /veranstaltung/…). */
  project: {
    facts: 'Steckbrief',
    runners: 'Träger',
    status: 'Stand',
    statusKind: { PLANNED: 'geplant', ACTIVE: 'läuft', COMPLETED: 'abgeschlossen', CANCELLED: 'abgebrochen' } as Record<string, string>,
    programme: 'Programm',
    cohort: 'Staffel',
    category: 'Kategorie',
    period: 'Laufzeit',
    phase: 'Phase',
    phaseKind: { STRATEGY: 'Strategiephase', IMPLEMENTATION: 'Umsetzungsphase' } as Record<string, string>,
    implementationSince: (year: number) => `Umsetzung seit ${year}`,
    funding: 'Förderung',
    fundingBound: { AMOUNT: '', AT_MOST: 'bis zu', AT_LEAST: 'mehr als' } as Record<string, string>,
    euros: (n: number) => `${n.toLocaleString('de-DE', { maximumFractionDigits: 0 })} €`,
    noFunding: 'keine Angabe',
    web: 'Website des Projekts',
    summary: 'Worum es geht',
    measures: 'Maßnahmen',
    noMeasures: 'Keine Maßnahmen erfasst.',
    topicsWording: 'Handlungsfelder laut Quelle',
    topics: 'Themen',
    contactPoints: 'Ansprechstellen',
    contacts: 'Ansprechpersonen',
    sources: 'Quellen',
    notFound: (slug: string) => `Kein Projekt mit der Kennung „${slug}“.`,
  },
  measure: {
    facts: 'Steckbrief',
    description: 'Beschreibung',
    noDescription: 'Die Quelle nennt nur den Namen der Maßnahme, keine Beschreibung.',
    status: 'Stand',
    statusWording: (words: string) => `laut Quelle: „${words}“`,
    project: 'Projekt',
    runners: 'Träger',
    topics: 'Themen',
    similar: (topic: string) => `Ähnliche Maßnahmen anderswo: zum Thema „${topic}“, von anderen Kommunen`,
    noSimilar: 'Keine Maßnahme anderer Kommunen zu diesem Thema erfasst.',
    sources: 'Quellen',
    notFound: (slug: string) => `Keine Maßnahme mit der Kennung „${slug}“.`,
  },
  topic: {
    fieldOfAction: 'Handlungsfeld',
    subtopics: 'Unterthemen',
    projects: 'Projekte',
    noProjects: 'Kein Projekt zu diesem Thema erfasst.',
    measures: 'Maßnahmen',
    noMeasures: 'Keine Maßnahme zu diesem Thema erfasst.',
    allMeasures: 'Alle Maßnahmen zu diesem Thema im Maßnahmen-Browser',
    municipalities: 'Kommunen, die daran arbeiten',
    municipalitiesHint: 'Träger der Projekte zu diesem Thema und Kommunen, die Interesse daran erklärt haben.',
    interested: 'Interesse erklärt',
    noMunicipalities: 'Keine Kommune arbeitet nach den erfassten Daten an diesem Thema.',
    events: 'Veranstaltungen',
    noEvents: 'Keine Veranstaltung zu diesem Thema erfasst.',
    more: 'Weitere laden',
    shown: (shown: number, total: number) => `${shown.toLocaleString('de-DE')} von ${total.toLocaleString('de-DE')} angezeigt`,
    mapLabel: (n: number) => `Karte Deutschlands mit allen Gemeinden als Punkte; ${n} Kommunen, die an diesem Thema arbeiten, markiert und nummeriert wie in der Liste. Die Liste ist die Textfassung dieser Karte.`,
    mapCaption: (n: number) => `${n.toLocaleString('de-DE')} Gemeinden nach dem Gemeindeverzeichnis; Umriss: Natural Earth (gemeinfrei). Blau und nummeriert: die Kommunen wie in der Liste.`,
    notFound: (slug: string) => `Kein Thema mit der Kennung „${slug}“.`,
  },
  event: {
    facts: 'Steckbrief',
    kind: 'Art',
    kindName: {
      REGIONAL_CONFERENCE: 'Regionalkonferenz', CONGRESS: 'Kongress', EXPERT_FORUM: 'Fachforum', WEBINAR: 'Webinar', WORKSHOP: 'Workshop',
      PEER_LEARNING: 'Peer-Learning', WORKING_GROUP: 'Arbeitsgruppe', OTHER: 'Sonstiges',
    } as Record<string, string>,
    date: 'Datum',
    standing: 'fortlaufendes Format ohne einzelnen Termin',
    format: 'Format',
    formatName: { VIRTUAL: 'online', ONSITE: 'vor Ort', HYBRID: 'vor Ort und online' } as Record<string, string>,
    host: 'Gastgeber',
    participants: 'Teilnehmende laut Quelle',
    web: 'Website der Veranstaltung',
    topics: 'Themen',
    attendance: 'Namentlich genannte Teilnehmende',
    attendanceHint: 'Nur wer in einer öffentlichen Quelle als teilnehmend genannt ist, je mit dieser Quelle.',
    noAttendance: 'Keine Teilnehmenden namentlich bekannt.',
    notes: 'Anmerkungen der Redaktion',
    sources: 'Quellen',
    more: 'Weitere laden',
    shown: (shown: number, total: number) => `${shown.toLocaleString('de-DE')} von ${total.toLocaleString('de-DE')} angezeigt`,
    notFound: (slug: string) => `Keine Veranstaltung mit der Kennung „${slug}“.`,
  },
  signIn: {
    title: 'Anmelden',
    intro: 'Mitarbeitende einer Kommune und der Transferstelle melden sich über den Anmeldedienst ihrer Behörde an und kehren danach hierher zurück.',
    provider: 'Über den Anmeldedienst anmelden',
    machines: 'Für Apps: mit Token oder API-Schlüssel',
    machinesIntro: 'Apps und Skripte geben ein Zugangstoken (Bearer-JWT) oder ihren API-Schlüssel an. Der Zugang gilt nur für diesen Browser-Tab und ist beim Schließen vergessen.',
    kind: 'Art des Zugangs',
    token: 'Zugangstoken (Bearer-JWT)',
    key: 'API-Schlüssel einer App',
    value: 'Token oder Schlüssel',
    submit: 'Anmelden',
    signOut: 'Abmelden',
    as: 'Angemeldet als',
    anonymous: 'Nicht angemeldet: Sie sehen, was öffentlich ist.',
    role: { READER: 'Lesezugang', ANALYST: 'Analyse (Transferstelle)', MEMBER: 'Mitglied', ADMIN: 'Administration', NONE: 'angemeldet, noch ohne Rechte' } as Record<string, string>,
    memberOf: (name: string) => `Mitglied von ${name}`,
    appKey: (name: string) => `App „${name}“`,
    interests: (name: string) => `Erklärte Interessen von ${name}`,
    interestsIntro: 'Woran Ihre Kommune arbeiten möchte: So bekommt auch eine Kommune ohne Modellprojekt ein eigenes Themenprofil, und andere finden sie als Partner.',
    noInterests: 'Noch keine Interessen erklärt.',
    since: (d: string) => `seit ${d}`,
    withdraw: (name: string) => `${name} zurückziehen`,
    add: 'Thema',
    declare: 'Interesse erklären',
    done: 'Gespeichert.',
    expired: 'Ihre Anmeldung ist abgelaufen oder wurde nicht angenommen. Sie sehen jetzt, was alle sehen.',
    again: 'Erneut anmelden',
    dismiss: 'Hinweis schließen',
  },
  dashboard,
  export: {
    download: 'Herunterladen:',
    kind: { csv: 'CSV', xlsx: 'Excel (XLSX)' },
    preparing: 'Datei wird erstellt …',
    /** Column headers the downloads share. */
    col: {
      rank: 'Rang',
      ags: 'AGS',
      name: 'Name',
      kind: 'Art',
      land: 'Land',
      population: 'Einwohner',
      score: 'Punktzahl',
      basis: 'Grundlage',
      distance: 'Entfernung (km)',
      solution: 'Lösung',
      type: 'Maßnahme oder Projekt',
      project: 'Projekt',
      runner: 'Kommune',
      status: 'Stand',
      statusAsOf: 'Stand vom',
      runners: 'Kommunen',
      role: 'Rolle',
      group: 'Gruppe',
      cohort: 'Runde oder Jahr',
      sources: 'Quellen',
    },
    typeName: { Measure: 'Maßnahme', Project: 'Projekt' } as Record<string, string>,
    peersFile: (name: string) => `Partnerkommunen für ${name}`,
    solutionsFile: (name: string) => `Lösungen zum Übernehmen für ${name}`,
    measuresFile: 'Maßnahmen',
    participantsFile: (name: string) => `Teilnehmende ${name}`,
    failed: 'Die Datei konnte nicht erstellt werden.',
    sourceLine: (title: string, day: string) =>
      `Quelle: smart-city-graph, ${title}; Daten: Gemeindeverzeichnis © Statistisches Bundesamt (Destatis), 2025, dl-de/by-2-0; Projekte, Maßnahmen, Austausch und Veranstaltungen aus öffentlichen Quellen; Stand ${day}`,
  },
  map: {
    caption: (n: number) => `${n.toLocaleString('de-DE')} Gemeinden nach dem Gemeindeverzeichnis; Umriss: Natural Earth (gemeinfrei). Rot: Ihre Kommune; blau und nummeriert: die Ergebnisse wie in der Liste.`,
    label: (n: number) => `Karte Deutschlands mit allen Gemeinden als Punkte; ${n} Ergebnisse markiert. Die Ergebnisliste ist die Textfassung dieser Karte.`,
    reachCaption: (n: number) => `${n.toLocaleString('de-DE')} Gemeinden nach dem Gemeindeverzeichnis; Umriss: Natural Earth (gemeinfrei). Blau: die erreichten Gemeinden; orange: Gemeinden in Kreisen ohne erreichte Gemeinde (weiße Flecken).`,
    failed: 'Die Karte konnte nicht geladen werden; die Liste enthält alle Ergebnisse.',
  },
  format: {
    number: (n: number) => n.toLocaleString('de-DE'),
    /** A date as precisely as its source gives it: `2019`, `August 2019` or `15.08.2019` — a year never becomes a day. */
    partialDate: (date: { value: string; precision: string }) => {
      const [year, month, day] = date.value.split('-');
      if (date.precision === 'DAY' && day) return `${day}.${month}.${year}`;
      if (date.precision === 'MONTH' && month) return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
      return year ?? date.value;
    },
    /** An ISO date as German readers write it, at the precision it has (see isoDate). */
    isoDate: (value: string) => isoDate(value),
    years: (from: number | null | undefined, to: number | null | undefined) => (from == null ? (to == null ? null : `bis ${to}`) : to == null || to === from ? String(from) : `${from}–${to}`),
  },
};

export type Strings = typeof de;
export const t: Strings = de;
