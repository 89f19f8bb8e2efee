// Demo data for the fictional coastal town of Sjöhamn (about 45,000 inhabitants on the Öresund coast).
// Every name, organisation, address and website here is invented. Emails and websites use example domains.

export type OrganisationKind = 'business' | 'association' | 'municipality'

export interface DemoArea {
  slug: string
  nameSv: string
  nameEn: string
}

export interface DemoCategory {
  slug: string
  nameSv: string
  nameEn: string
  descriptionSv: string
  descriptionEn: string
}

export interface DemoOrganisation {
  slug: string
  name: string
  kind: OrganisationKind
  areaSlug: string
  descriptionSv: string
  descriptionEn: string
  website: string | null
  verified: boolean
}

export interface DemoPerson {
  name: string
  email: string
  areaSlug: string
  bioSv: string | null
}

export interface DemoMembership {
  email: string
  organisationSlug: string
  role: 'owner' | 'member'
}

export const town: {
  name: string
  boardNameSv: string
  boardNameEn: string
  contactEmail: string
} = {
  name: 'Sjöhamn',
  boardNameSv: 'Utmana Sjöhamn',
  boardNameEn: 'Utmana Sjöhamn – the challenge board',
  contactEmail: 'utmana@example.se',
}

export const staff: {
  admin: { name: string; email: string }
  moderator: { name: string; email: string }
} = {
  admin: { name: 'Admin Sjöhamn', email: 'admin@utmana.local' },
  moderator: { name: 'Maja Berg', email: 'moderator@utmana.local' },
}

export const areas: DemoArea[] = [
  { slug: 'centrum', nameSv: 'Centrum', nameEn: 'City Centre' },
  { slug: 'gamla-hamnen', nameSv: 'Gamla hamnen', nameEn: 'Old Harbour' },
  { slug: 'fiskelaget', nameSv: 'Fiskeläget', nameEn: 'The Fishing Village' },
  {
    slug: 'industriomradet-nord',
    nameSv: 'Industriområdet Nord',
    nameEn: 'North Industrial Estate',
  },
  { slug: 'campus', nameSv: 'Campus', nameEn: 'University Campus' },
  { slug: 'strandbaden', nameSv: 'Strandbaden', nameEn: 'Strandbaden' },
  { slug: 'ekbacken', nameSv: 'Ekbacken', nameEn: 'Ekbacken' },
  { slug: 'solhaga', nameSv: 'Solhaga', nameEn: 'Solhaga' },
  { slug: 'angsgarden', nameSv: 'Ängsgården', nameEn: 'Ängsgården' },
  { slug: 'norrvik', nameSv: 'Norrvik', nameEn: 'Norrvik' },
]

export const categories: DemoCategory[] = [
  {
    slug: 'mobility',
    nameSv: 'Mobilitet',
    nameEn: 'Mobility',
    descriptionSv: 'Kollektivtrafik, cykel, gång, parkering och hur vi tar oss runt i Sjöhamn.',
    descriptionEn: 'Public transport, cycling, walking, parking and how we get around Sjöhamn.',
  },
  {
    slug: 'city-centre-trade',
    nameSv: 'Stadskärna & handel',
    nameEn: 'City centre & trade',
    descriptionSv: 'En levande stadskärna med butiker, caféer, torghandel och evenemang året runt.',
    descriptionEn:
      'A lively city centre with shops, cafés, market trading and events all year round.',
  },
  {
    slug: 'environment',
    nameSv: 'Miljö',
    nameEn: 'Environment',
    descriptionSv: 'Natur, stränder, luft, vatten, avfall och klimatomställningen i kommunen.',
    descriptionEn:
      'Nature, beaches, air, water, waste and the climate transition in the municipality.',
  },
  {
    slug: 'culture-leisure',
    nameSv: 'Kultur & fritid',
    nameEn: 'Culture & leisure',
    descriptionSv: 'Föreningsliv, idrott, bibliotek, scener och mötesplatser för alla åldrar.',
    descriptionEn: 'Clubs, sport, libraries, stages and meeting places for all ages.',
  },
  {
    slug: 'skills-jobs',
    nameSv: 'Kompetens & jobb',
    nameEn: 'Skills & jobs',
    descriptionSv: 'Praktik, sommarjobb, kompetensförsörjning och vägar in på arbetsmarknaden.',
    descriptionEn: 'Work placements, summer jobs, skills supply and routes into the labour market.',
  },
  {
    slug: 'digital-services',
    nameSv: 'Digitala tjänster',
    nameEn: 'Digital services',
    descriptionSv:
      'E-tjänster, öppna data, uppkoppling och digital delaktighet för invånare och företag.',
    descriptionEn:
      'E-services, open data, connectivity and digital inclusion for residents and businesses.',
  },
  {
    slug: 'safety',
    nameSv: 'Trygghet',
    nameEn: 'Safety',
    descriptionSv:
      'Belysning, trafiksäkerhet och platser där alla ska kunna känna sig trygga dygnet runt.',
    descriptionEn:
      'Lighting, road safety and places where everyone should feel safe around the clock.',
  },
  {
    slug: 'housing',
    nameSv: 'Boende',
    nameEn: 'Housing',
    descriptionSv: 'Bostäder, bostadsområden, gårdar, utemiljöer och hyresgästers vardag.',
    descriptionEn:
      'Homes, neighbourhoods, courtyards, outdoor spaces and the everyday life of tenants.',
  },
]

export const organisations: DemoOrganisation[] = [
  // Businesses
  {
    slug: 'bageriet-vid-torget',
    name: 'Bageriet vid Torget',
    kind: 'business',
    areaSlug: 'centrum',
    descriptionSv:
      'Familjeägt surdegsbageri och kafé vid Stortorget sedan 1987. Vi bakar med mjöl från skånska kvarnar och skänker dagens överblivna bröd till fritidsgården i Ängsgården.',
    descriptionEn:
      'Family-owned sourdough bakery and café on Stortorget since 1987. We bake with flour from mills in Skåne and give the unsold bread of the day to the youth centre in Ängsgården.',
    website: 'https://example.se/bageriet-vid-torget',
    verified: false,
  },
  {
    slug: 'kustcykel',
    name: 'Kustcykel',
    kind: 'business',
    areaSlug: 'strandbaden',
    descriptionSv:
      'Cykelbutik och verkstad med uthyrning av el- och lastcyklar längs kustleden. Vi servar också kommunens lånecyklar.',
    descriptionEn:
      'Bike shop and workshop renting out e-bikes and cargo bikes along the coastal cycle route. We also service the municipal loan bikes.',
    website: 'https://example.se/kustcykel',
    verified: false,
  },
  {
    slug: 'sjohamns-akeri',
    name: 'Sjöhamns Åkeri & Logistik AB',
    kind: 'business',
    areaSlug: 'industriomradet-nord',
    descriptionSv:
      'Åkeri och lager med ett sextiotal anställda som kör gods mellan hamnen, industriområdet och resten av Skåne. Just nu testar vi eldrivna lastbilar för leveranser i stadskärnan.',
    descriptionEn:
      'Haulier and warehouse with around sixty employees moving goods between the harbour, the industrial estate and the rest of Skåne. We are currently trialling electric trucks for deliveries in the city centre.',
    website: 'https://example.se/sjohamns-akeri',
    verified: false,
  },
  {
    slug: 'fyrljus-it',
    name: 'Fyrljus IT',
    kind: 'business',
    areaSlug: 'campus',
    descriptionSv:
      'IT-konsultbolag med ett tjugotal utvecklare, grundat av tidigare studenter på campus. Vi bygger e-tjänster och hjälper lokala företag med digitalisering.',
    descriptionEn:
      'IT consultancy with around twenty developers, founded by former students at the campus. We build e-services and help local businesses go digital.',
    website: 'https://example.se/fyrljus-it',
    verified: false,
  },
  {
    slug: 'hotell-kajen',
    name: 'Hotell Kajen',
    kind: 'business',
    areaSlug: 'gamla-hamnen',
    descriptionSv:
      'Hotell med 84 rum i ett ombyggt tullmagasin vid Gamla hamnen. Vi vill att fler besökare stannar en natt till i Sjöhamn.',
    descriptionEn:
      'Hotel with 84 rooms in a converted customs warehouse at the Old Harbour. We want more visitors to stay one more night in Sjöhamn.',
    website: 'https://example.se/hotell-kajen',
    verified: false,
  },
  {
    slug: 'kustbo-fastigheter',
    name: 'Kustbo Fastigheter AB',
    kind: 'business',
    areaSlug: 'angsgarden',
    descriptionSv:
      'Fastighetsägare med cirka 1 200 hyreslägenheter i Ängsgården och Solhaga samt butikslokaler i centrum. Vi arbetar med trygghet och utemiljöer tillsammans med hyresgästerna.',
    descriptionEn:
      'Property owner with about 1,200 rental flats in Ängsgården and Solhaga and retail premises in the city centre. We work on safety and outdoor spaces together with our tenants.',
    website: null,
    verified: false,
  },
  // Associations
  {
    slug: 'centrumforeningen-sjohamn',
    name: 'Centrumföreningen Sjöhamn',
    kind: 'association',
    areaSlug: 'centrum',
    descriptionSv:
      'Samlar ett hundratal butiker, restauranger och fastighetsägare i stadskärnan. Vi driver köpkvällar, julbelysningen och gemensam marknadsföring av centrum.',
    descriptionEn:
      'Brings together about a hundred shops, restaurants and property owners in the city centre. We run late shopping evenings, the Christmas lights and joint marketing of the centre.',
    website: 'https://example.se/centrumforeningen',
    verified: false,
  },
  {
    slug: 'fiskelagets-byalag',
    name: 'Fiskelägets Byalag',
    kind: 'association',
    areaSlug: 'fiskelaget',
    descriptionSv:
      'Byalag för oss som bor i det gamla fiskeläget. Vi värnar husen, piren och båtbodarna och ordnar sillfest varje midsommar.',
    descriptionEn:
      'Residents’ association for the old fishing village. We look after the old houses, the pier and the boathouses, and host a herring party every Midsummer.',
    website: null,
    verified: false,
  },
  {
    slug: 'sjohamns-if',
    name: 'Sjöhamns IF',
    kind: 'association',
    areaSlug: 'ekbacken',
    descriptionSv:
      'Idrottsförening med fotboll, handboll och friidrott för cirka 900 aktiva, de flesta barn och unga. Vi tränar på Ekbackens IP.',
    descriptionEn:
      'Sports club with football, handball and athletics for about 900 active members, most of them children and young people. We train at the Ekbacken sports ground.',
    website: 'https://example.org/sjohamns-if',
    verified: false,
  },
  {
    slug: 'kulturforeningen-magasinet',
    name: 'Kulturföreningen Magasinet',
    kind: 'association',
    areaSlug: 'gamla-hamnen',
    descriptionSv:
      'Ideell förening som driver scen, ateljéer och replokaler i ett gammalt spannmålsmagasin vid hamnen. Konserter, teater och öppna verkstäder för alla åldrar.',
    descriptionEn:
      'Non-profit association running a stage, studios and rehearsal rooms in an old grain warehouse by the harbour. Concerts, theatre and open workshops for all ages.',
    website: 'https://example.org/magasinet',
    verified: false,
  },
  {
    slug: 'rena-strander-sjohamn',
    name: 'Rena Stränder Sjöhamn',
    kind: 'association',
    areaSlug: 'strandbaden',
    descriptionSv:
      'Miljögrupp som städar stränder, inventerar marint skräp och engagerar skolklasser i havsmiljön längs Öresund.',
    descriptionEn:
      'Environmental group that cleans beaches, surveys marine litter and gets school classes involved in the marine environment along the Öresund.',
    website: null,
    verified: false,
  },
  // Municipal departments
  {
    slug: 'stadsbyggnadsforvaltningen',
    name: 'Stadsbyggnadsförvaltningen',
    kind: 'municipality',
    areaSlug: 'centrum',
    descriptionSv:
      'Ansvarar för detaljplaner, bygglov, gator, parker och trafikplanering i Sjöhamns kommun.',
    descriptionEn:
      'Responsible for local development plans, building permits, streets, parks and traffic planning in Sjöhamn Municipality.',
    website: 'https://example.se/kommun/stadsbyggnad',
    verified: true,
  },
  {
    slug: 'miljoforvaltningen',
    name: 'Miljöförvaltningen',
    kind: 'municipality',
    areaSlug: 'centrum',
    descriptionSv:
      'Arbetar med miljötillsyn, naturvård, badvattenkvalitet och kommunens klimatarbete.',
    descriptionEn:
      'Handles environmental inspections, nature conservation, bathing water quality and the climate work of the municipality.',
    website: 'https://example.se/kommun/miljo',
    verified: true,
  },
  {
    slug: 'kultur-och-fritidsforvaltningen',
    name: 'Kultur- och fritidsförvaltningen',
    kind: 'municipality',
    areaSlug: 'centrum',
    descriptionSv:
      'Driver bibliotek, fritidsgårdar, idrottsanläggningar och kulturskolan. Ger också stöd till föreningslivet.',
    descriptionEn:
      'Runs the libraries, youth centres, sports facilities and the arts school. Also supports local clubs and associations.',
    website: 'https://example.se/kommun/kultur-fritid',
    verified: true,
  },
  {
    slug: 'arbetsmarknadsforvaltningen',
    name: 'Arbetsmarknadsförvaltningen',
    kind: 'municipality',
    areaSlug: 'angsgarden',
    descriptionSv:
      'Hjälper invånare till arbete och studier genom vägledning, praktik och samarbete med lokala arbetsgivare.',
    descriptionEn:
      'Helps residents into work and studies through guidance, work placements and cooperation with local employers.',
    website: 'https://example.se/kommun/arbetsmarknad',
    verified: true,
  },
]

export const people: DemoPerson[] = [
  // Centrum
  {
    name: 'Anna Lindqvist',
    email: 'anna.lindqvist@example.se',
    areaSlug: 'centrum',
    bioSv: 'Bibliotekarie som cyklar till jobbet året runt.',
  },
  {
    name: 'Erik Johansson',
    email: 'erik.johansson@example.se',
    areaSlug: 'centrum',
    bioSv: 'Driver en herrekipering på Storgatan sedan tjugo år.',
  },
  {
    name: 'Amira Haddad',
    email: 'amira.haddad@example.se',
    areaSlug: 'centrum',
    bioSv: 'Bagare och kaféägare vid Stortorget.',
  },
  {
    name: 'Göran Sjöberg',
    email: 'goran.sjoberg@example.se',
    areaSlug: 'centrum',
    bioSv: 'Trafikplanerare på kommunen, född och uppvuxen i Sjöhamn.',
  },
  // Gamla hamnen
  {
    name: 'Karin Bergström',
    email: 'karin.bergstrom@example.se',
    areaSlug: 'gamla-hamnen',
    bioSv: 'Hotellchef som vill se fler besökare året runt.',
  },
  {
    name: 'Oskar Nilsson',
    email: 'oskar.nilsson@example.se',
    areaSlug: 'gamla-hamnen',
    bioSv: 'Musiker och ordförande i en kulturförening vid hamnen.',
  },
  {
    name: 'Leila Karimi',
    email: 'leila.karimi@example.se',
    areaSlug: 'gamla-hamnen',
    bioSv: 'Arbetar med föreningsstöd och evenemang på kommunen.',
  },
  {
    name: 'Johan Ek',
    email: 'johan.ek@example.se',
    areaSlug: 'gamla-hamnen',
    bioSv: null,
  },
  // Fiskeläget
  {
    name: 'Birgitta Holm',
    email: 'birgitta.holm@example.se',
    areaSlug: 'fiskelaget',
    bioSv: 'Pensionerad lärare som har bott i fiskeläget i hela sitt liv.',
  },
  {
    name: 'Lennart Åkesson',
    email: 'lennart.akesson@example.se',
    areaSlug: 'fiskelaget',
    bioSv: 'Fritidsfiskare med egen båt vid piren.',
  },
  {
    name: 'Elsa Mårtensson',
    email: 'elsa.martensson@example.se',
    areaSlug: 'fiskelaget',
    bioSv: null,
  },
  {
    name: 'Per-Olof Persson',
    email: 'per-olof.persson@example.se',
    areaSlug: 'fiskelaget',
    bioSv: 'Snickare som gärna restaurerar gamla båtbodar.',
  },
  // Industriområdet Nord
  {
    name: 'Mehmet Yilmaz',
    email: 'mehmet.yilmaz@example.se',
    areaSlug: 'industriomradet-nord',
    bioSv: 'Driver ett åkeri och tränar ett knattelag på fritiden.',
  },
  {
    name: 'Sofia Andersson',
    email: 'sofia.andersson@example.se',
    areaSlug: 'industriomradet-nord',
    bioSv: null,
  },
  // Campus
  {
    name: 'Aino Virtanen',
    email: 'aino.virtanen@example.se',
    areaSlug: 'campus',
    bioSv: 'Doktorand i marinbiologi.',
  },
  {
    name: 'Ahmed Hassan',
    email: 'ahmed.hassan@example.se',
    areaSlug: 'campus',
    bioSv: 'Läser data- och systemvetenskap och söker sommarjobb.',
  },
  {
    name: 'Ebba Lund',
    email: 'ebba.lund@example.se',
    areaSlug: 'campus',
    bioSv: 'Student och strandstädare, deltidsanställd som utvecklare.',
  },
  {
    name: 'Viktor Hedlund',
    email: 'viktor.hedlund@example.se',
    areaSlug: 'campus',
    bioSv: 'Grundare av ett IT-bolag och friidrottstränare.',
  },
  {
    name: 'Wei Chen',
    email: 'wei.chen@example.se',
    areaSlug: 'campus',
    bioSv: null,
  },
  // Strandbaden
  {
    name: 'Maria Svensson',
    email: 'maria.svensson@example.se',
    areaSlug: 'strandbaden',
    bioSv: 'Småbarnsförälder som saknar en säker cykelväg till skolan.',
  },
  {
    name: 'Fredrik Olsson',
    email: 'fredrik.olsson@example.se',
    areaSlug: 'strandbaden',
    bioSv: 'Cykelhandlare och vinterbadare.',
  },
  {
    name: 'Nikola Petrović',
    email: 'nikola.petrovic@example.se',
    areaSlug: 'strandbaden',
    bioSv: null,
  },
  {
    name: 'Ingrid Dahl',
    email: 'ingrid.dahl@example.se',
    areaSlug: 'strandbaden',
    bioSv: 'Miljöinspektör som bor ett stenkast från stranden.',
  },
  // Ekbacken
  {
    name: 'Lars Eriksson',
    email: 'lars.eriksson@example.se',
    areaSlug: 'ekbacken',
    bioSv: 'Ordförande i idrottsföreningen och fotbollstränare sedan 1998.',
  },
  {
    name: 'Sara Gustafsson',
    email: 'sara.gustafsson@example.se',
    areaSlug: 'ekbacken',
    bioSv: null,
  },
  {
    name: 'Tomasz Nowak',
    email: 'tomasz.nowak@example.se',
    areaSlug: 'ekbacken',
    bioSv: null,
  },
  {
    name: 'Linnéa Berg',
    email: 'linnea.berg@example.se',
    areaSlug: 'ekbacken',
    bioSv: null,
  },
  // Solhaga
  {
    name: 'Fatima Ali',
    email: 'fatima.ali@example.se',
    areaSlug: 'solhaga',
    bioSv: 'Undersköterska som jobbar kvällar och åker buss hem sent.',
  },
  {
    name: 'Magnus Karlsson',
    email: 'magnus.karlsson@example.se',
    areaSlug: 'solhaga',
    bioSv: null,
  },
  {
    name: 'Emma Larsson',
    email: 'emma.larsson@example.se',
    areaSlug: 'solhaga',
    bioSv: 'Gymnasieelev som vill ha fler platser att hänga på efter skolan.',
  },
  {
    name: 'Andrés Morales',
    email: 'andres.morales@example.se',
    areaSlug: 'solhaga',
    bioSv: null,
  },
  // Ängsgården
  {
    name: 'Samir Abdi',
    email: 'samir.abdi@example.se',
    areaSlug: 'angsgarden',
    bioSv: 'Arbetsmarknadskonsulent som vill att fler unga får sitt första jobb.',
  },
  {
    name: 'Hodan Warsame',
    email: 'hodan.warsame@example.se',
    areaSlug: 'angsgarden',
    bioSv: 'Engagerad i läxhjälpen på Ängsgårdens bibliotek.',
  },
  {
    name: 'Kristina Nyström',
    email: 'kristina.nystrom@example.se',
    areaSlug: 'angsgarden',
    bioSv: 'Förvaltare på ett fastighetsbolag med lägenheter i Ängsgården.',
  },
  {
    name: 'Daniel Ahmadi',
    email: 'daniel.ahmadi@example.se',
    areaSlug: 'angsgarden',
    bioSv: null,
  },
  {
    name: 'Zeynep Demir',
    email: 'zeynep.demir@example.se',
    areaSlug: 'angsgarden',
    bioSv: 'Driver en frisersalong vid Ängsgårdens torg.',
  },
  // Norrvik
  {
    name: 'Gunnar Wikström',
    email: 'gunnar.wikstrom@example.se',
    areaSlug: 'norrvik',
    bioSv: 'Lantbrukare som säljer grönsaker på torget varje lördag.',
  },
  {
    name: 'Helena Ström',
    email: 'helena.strom@example.se',
    areaSlug: 'norrvik',
    bioSv: null,
  },
  {
    name: 'Jonas Falk',
    email: 'jonas.falk@example.se',
    areaSlug: 'norrvik',
    bioSv: 'Pendlar till Malmö och saknar tidiga bussar från Norrvik.',
  },
  {
    name: 'Ida Söderberg',
    email: 'ida.soderberg@example.se',
    areaSlug: 'norrvik',
    bioSv: null,
  },
]

export const memberships: DemoMembership[] = [
  // Businesses
  { email: 'amira.haddad@example.se', organisationSlug: 'bageriet-vid-torget', role: 'owner' },
  { email: 'fredrik.olsson@example.se', organisationSlug: 'kustcykel', role: 'owner' },
  { email: 'mehmet.yilmaz@example.se', organisationSlug: 'sjohamns-akeri', role: 'owner' },
  { email: 'viktor.hedlund@example.se', organisationSlug: 'fyrljus-it', role: 'owner' },
  { email: 'ebba.lund@example.se', organisationSlug: 'fyrljus-it', role: 'member' },
  { email: 'karin.bergstrom@example.se', organisationSlug: 'hotell-kajen', role: 'owner' },
  { email: 'kristina.nystrom@example.se', organisationSlug: 'kustbo-fastigheter', role: 'owner' },
  // Associations
  {
    email: 'erik.johansson@example.se',
    organisationSlug: 'centrumforeningen-sjohamn',
    role: 'owner',
  },
  {
    email: 'amira.haddad@example.se',
    organisationSlug: 'centrumforeningen-sjohamn',
    role: 'member',
  },
  {
    email: 'karin.bergstrom@example.se',
    organisationSlug: 'centrumforeningen-sjohamn',
    role: 'member',
  },
  {
    email: 'kristina.nystrom@example.se',
    organisationSlug: 'centrumforeningen-sjohamn',
    role: 'member',
  },
  { email: 'birgitta.holm@example.se', organisationSlug: 'fiskelagets-byalag', role: 'owner' },
  { email: 'oskar.nilsson@example.se', organisationSlug: 'fiskelagets-byalag', role: 'member' },
  { email: 'lars.eriksson@example.se', organisationSlug: 'sjohamns-if', role: 'owner' },
  { email: 'mehmet.yilmaz@example.se', organisationSlug: 'sjohamns-if', role: 'member' },
  { email: 'viktor.hedlund@example.se', organisationSlug: 'sjohamns-if', role: 'member' },
  {
    email: 'oskar.nilsson@example.se',
    organisationSlug: 'kulturforeningen-magasinet',
    role: 'owner',
  },
  {
    email: 'leila.karimi@example.se',
    organisationSlug: 'kulturforeningen-magasinet',
    role: 'member',
  },
  { email: 'ebba.lund@example.se', organisationSlug: 'rena-strander-sjohamn', role: 'owner' },
  { email: 'fredrik.olsson@example.se', organisationSlug: 'rena-strander-sjohamn', role: 'member' },
  { email: 'birgitta.holm@example.se', organisationSlug: 'rena-strander-sjohamn', role: 'member' },
  // Municipal departments
  {
    email: 'goran.sjoberg@example.se',
    organisationSlug: 'stadsbyggnadsforvaltningen',
    role: 'owner',
  },
  { email: 'ingrid.dahl@example.se', organisationSlug: 'miljoforvaltningen', role: 'owner' },
  {
    email: 'leila.karimi@example.se',
    organisationSlug: 'kultur-och-fritidsforvaltningen',
    role: 'owner',
  },
  {
    email: 'samir.abdi@example.se',
    organisationSlug: 'arbetsmarknadsforvaltningen',
    role: 'owner',
  },
]
