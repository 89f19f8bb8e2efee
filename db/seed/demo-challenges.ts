// Demo challenges for the fictional coastal town of Sjöhamn (see ./demo-data.ts for the areas,
// categories, organisations, people and memberships referred to here). Every person, place,
// organisation and link is invented; links only use example.se and example.org.
//
// Pure data: the seed step resolves slugs and emails to ids and turns ageDays into dates.
// Rules the data keeps (checked when it was written):
// - organisationSlug on a challenge, solution or pledge: the email belongs to a member of it;
// - nobody proposes a solution to or pledges on their own challenge;
// - 'solved' has at least one accepted solution, others have none;
// - 'in_progress' has at least one pledge, 'open' has none; 'closed' has a closedReason.

export type DemoStatus = 'open' | 'in_progress' | 'solved' | 'closed'

export interface DemoSolution {
  email: string
  organisationSlug?: string
  body: string
  accepted?: boolean
}

export interface DemoPledge {
  email: string
  organisationSlug?: string
  plan: string
  /** Short progress notes, oldest first. */
  updates: string[]
}

export interface DemoComment {
  email: string
  body: string
  replies?: { email: string; body: string }[]
}

export interface DemoChallenge {
  /** 10–140 characters, unique. */
  title: string
  /** Markdown, 200–1200 characters. */
  description: string
  categorySlug: string
  areaSlug: string
  posterEmail: string
  /** Set when posted on behalf of an organisation the poster is a member of. */
  organisationSlug?: string
  status: DemoStatus
  /** Why it was not pursued; only for 'closed'. */
  closedReason?: string
  /** Days ago it was posted (1–360). */
  ageDays: number
  solutions: DemoSolution[]
  pledges: DemoPledge[]
  comments: DemoComment[]
}

const mobility: DemoChallenge[] = [
  {
    title: 'Sista bussen från Gamla hamnen går 21.40 – innan konserterna har slutat',
    description:
      'Linje 4 mellan Gamla hamnen och stationen går var tjugonde minut på dagen, men **sista avgången är 21.40** på vardagar och 22.10 på helger. Konserterna i Magasinet slutar oftast runt 22.30, och publiken får antingen gå hem i mörkret längs Kustvägen eller ta bilen.\n\nVi tror att fler skulle komma till hamnen på kvällen om det gick att ta sig hem utan bil:\n\n- en eller två senare avgångar fredag och lördag\n- en anropsstyrd tur efter kl. 22 som går att boka i appen\n- samordning mellan tidtabellen och evenemangen i hamnen\n\nVet någon vad en extra avgång kostar, och vem som betalar?',
    categorySlug: 'mobility',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'oskar.nilsson@example.se',
    organisationSlug: 'kulturforeningen-magasinet',
    status: 'open',
    ageDays: 12,
    solutions: [
      {
        email: 'karin.bergstrom@example.se',
        organisationSlug: 'hotell-kajen',
        body: 'Hotell Kajen kan tänka sig att dela på kostnaden för en sen lördagsavgång under en försöksperiod i höst, om fler verksamheter i hamnen är med. Vi har gäster som i dag tar taxi för en sträcka på tre kilometer.',
      },
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Kommunen beställer trafiken av regionen inför varje tidtabellsår, och önskemål måste lämnas **före 1 mars**. Vi tar med linje 4 i årets yttrande om ni hjälper oss med underlag om hur många som vill resa på kvällarna.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'fatima.ali@example.se',
        body: 'Samma problem för oss som slutar kvällspasset kl. 22 på vårdboendet. Det gäller inte bara konsertpublik.',
        replies: [
          {
            email: 'oskar.nilsson@example.se',
            body: 'Precis, vi lägger gärna ihop behoven i samma önskemål till regionen.',
          },
        ],
      },
      {
        email: 'jonas.falk@example.se',
        body: 'Om pengarna är begränsade vill jag hellre ha tidigare morgonturer än sena kvällsturer.',
        replies: [
          {
            email: 'johan.ek@example.se',
            body: 'Varför ställa det ena mot det andra? Båda behövs.',
          },
        ],
      },
    ],
  },
  {
    title: 'Första bussen från Norrvik missar tåget 6.12 mot Malmö',
    description:
      'Linje 7 från Norrvik kommer fram till stationen 6.14. Tåget mot Malmö går 6.12. Nästa tåg går 6.42, vilket betyder att vi som börjar jobba 7.30 kommer för sent eller måste ta bilen till stationen – och då är pendlarparkeringen full.\n\nDet handlar om **fem–sex minuter**. Om bussen gick 6.00 i stället för 6.05 från Norrviks vändplan skulle många av oss välja bussen igen. Vi är ett tiotal som har pratat om det i grannchatten.',
    categorySlug: 'mobility',
    areaSlug: 'norrvik',
    posterEmail: 'jonas.falk@example.se',
    status: 'open',
    ageDays: 34,
    solutions: [
      {
        email: 'helena.strom@example.se',
        body: 'Ett alternativ är att byta plats på de två första turerna, så att den som i dag går 6.35 går 6.00 i stället. Enligt min granne som kör linjen är den turen nästan tom ändå.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'ida.soderberg@example.se',
        body: 'Ja! Jag har missat tåget tre gånger den här månaden.',
      },
      {
        email: 'goran.sjoberg@example.se',
        body: 'Vi har tagit med det här i underlaget till regionen inför nästa tidtabell. Tack för en tydlig beskrivning.',
        replies: [
          { email: 'jonas.falk@example.se', body: 'Tack! Hör gärna av er när ni vet något.' },
        ],
      },
    ],
  },
  {
    title: 'Cykelparkeringen vid stationen är full, otrygg och saknar tak',
    description:
      'Varje morgon står cyklarna i dubbla rader längs Stationsgatan eftersom de 80 platserna vid stationen är fulla redan kl. 7. Det finns inget tak, och det går inte att låsa fast ramen i de gamla hjulhållarna. Två av mina kollegor har fått sina cyklar stulna i år.\n\nDet som behövs:\n\n- fler platser, gärna **under tak**\n- ställ där man kan låsa fast ramen\n- bättre belysning på kvällen\n- en pump och kanske ett enkelt verktygsställ',
    categorySlug: 'mobility',
    areaSlug: 'centrum',
    posterEmail: 'anna.lindqvist@example.se',
    status: 'solved',
    ageDays: 310,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Stadsbyggnadsförvaltningen bygger om parkeringen vid norra entrén: **160 platser under tak**, ramlåsställ, LED-belysning och ett låst cykelgarage med 40 platser som öppnas med lånekortet. Mer på https://example.se/kommun/cykelparkering-stationen.',
        accepted: true,
      },
      {
        email: 'fredrik.olsson@example.se',
        organisationSlug: 'kustcykel',
        body: 'Kustcykel ställer gärna upp med en självservicestation vid den nya parkeringen: pump, verktyg på vajer och en automat med slangar och lampor. Vi sköter den och fyller på.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        plan: 'Vi bygger om cykelparkeringen vid norra entrén med tak, ramlåsställ och belysning, finansierat med statligt stöd för cykelinfrastruktur.',
        updates: [
          'Entreprenören är upphandlad.',
          'Markarbetena är igång, tillfällig cykelparkering på Stationsgatan.',
          'Klart! 160 platser under tak och ett låst cykelgarage.',
        ],
      },
      {
        email: 'fredrik.olsson@example.se',
        organisationSlug: 'kustcykel',
        plan: 'Vi sätter upp och sköter en självservicestation med pump och verktyg vid den nya parkeringen.',
        updates: ['Stationen är på plats och användes nästan 900 gånger första månaden.'],
      },
    ],
    comments: [
      {
        email: 'erik.johansson@example.se',
        body: 'Bra, men det behövs cykelparkering vid Storgatan också, inte bara vid stationen.',
        replies: [
          {
            email: 'anna.lindqvist@example.se',
            body: 'Håller med, det kanske blir nästa utmaning!',
          },
        ],
      },
      {
        email: 'amira.haddad@example.se',
        body: 'Äntligen! Nu står cyklarna inte längre i vägen för våra leveranser.',
      },
    ],
  },
  {
    title: 'Leveransbilar blockerar Storgatan varje förmiddag',
    description:
      'Mellan 7 och 11 står det ofta tre–fyra leveransbilar samtidigt på Storgatan, eftersom det bara finns **en lastzon** för hela gågatan. Bilarna står på trottoaren och backar bland fotgängare och barnvagnar, och chaufförerna är lika stressade som vi.\n\nCentrumföreningens medlemmar får varor från ett tjugotal olika leverantörer. Vi söker lösningar som minskar antalet bilar, till exempel samlastning, fler lastzoner på tvärgatorna eller fasta leveranstider.',
    categorySlug: 'mobility',
    areaSlug: 'centrum',
    posterEmail: 'erik.johansson@example.se',
    organisationSlug: 'centrumforeningen-sjohamn',
    status: 'in_progress',
    ageDays: 95,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Vi kan göra om två parkeringsplatser på Kyrkogatan och en på Lilla Torggatan till lastzoner kl. 6–11 under en försöksperiod. Vi utvärderar gärna tillsammans med handlarna efter tre månader.',
      },
      {
        email: 'fredrik.olsson@example.se',
        organisationSlug: 'kustcykel',
        body: 'Lastcyklar för sista sträckan! Kustcykel hyr ut ellastcyklar med låda som tar upp till 150 kilo. Mindre leveranser kan lastas om vid stationen och cyklas in på gågatan.',
      },
    ],
    pledges: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        plan: 'Vi erbjuder samlastning: leverantörerna lämnar gods på vår terminal i Industriområdet Nord och vi kör ut allt till Storgatan med en ellastbil i en tur före kl. 9.',
        updates: [
          'Åtta butiker har anmält sig till testet som startar den 1:a nästa månad.',
          'Första veckan blev elva leveranser tre. Några leverantörer tvekar fortfarande.',
        ],
      },
    ],
    comments: [
      {
        email: 'amira.haddad@example.se',
        body: 'Bageriet är med i testet. Mjölet kan gärna komma via terminalen.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Varför inte bara förbjuda leveranser efter kl. 10?',
        replies: [
          {
            email: 'erik.johansson@example.se',
            body: 'Det har vi provat, men då står alla bilar där samtidigt kl. 9.45 i stället.',
          },
        ],
      },
      {
        email: 'karin.bergstrom@example.se',
        body: 'Vi får tvätt och livsmedel varje morgon – hotellet vill gärna vara med i nästa steg.',
      },
    ],
  },
  {
    title: 'Ingen säker cykelväg mellan Strandbaden och Havsvindens skola',
    description:
      'Från bostäderna vid Strandbaden till Havsvindens skola är det 1,8 kilometer. Halva vägen finns en fin cykelbana, men sista biten längs Kustvägen får barnen cykla i vägrenen bredvid bussar och lastbilar i 60 km/h. De flesta föräldrar skjutsar därför med bil, vilket ger ännu mer trafik vid skolan.\n\n**Vi vill att våra barn ska kunna cykla själva från årskurs 4.** En separat cykelbana längs Kustvägen, eller en upplyst genväg genom Tallskogen, skulle räcka långt.',
    categorySlug: 'mobility',
    areaSlug: 'strandbaden',
    posterEmail: 'maria.svensson@example.se',
    status: 'open',
    ageDays: 20,
    solutions: [
      {
        email: 'nikola.petrovic@example.se',
        body: 'Det finns redan en grusstig genom Tallskogen som är 300 meter kortare. Asfaltera och belys den, så behövs ingen dyr ombyggnad av Kustvägen.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'ingrid.dahl@example.se',
        body: 'Stigen går genom naturreservatet, så belysning och asfalt kräver prövning. Men det är inte omöjligt.',
      },
      {
        email: 'fredrik.olsson@example.se',
        body: 'Jag cyklar där varje dag. Kustvägen är verkligen otäck på morgonen.',
      },
    ],
  },
  {
    title: 'Busshållplatsen vid Ekbackens IP saknar väderskydd',
    description:
      'Vid hållplatsen Ekbackens IP står varje kväll 30–40 barn och väntar på bussen hem efter träningen. Det finns **inget tak, ingen bänk och ingen belysning** utöver en gatlampa. I november står små fotbollsspelare i regn och mörker i upp till tjugo minuter.\n\nVi i Sjöhamns IF har frågat efter ett väderskydd i flera år. Vi hjälper gärna till med monteringen om det behövs.',
    categorySlug: 'mobility',
    areaSlug: 'ekbacken',
    posterEmail: 'lars.eriksson@example.se',
    organisationSlug: 'sjohamns-if',
    status: 'solved',
    ageDays: 240,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Vi flyttar ett väderskydd med belysning och bänk från den nedlagda hållplatsen vid Gamla vattenverket till Ekbackens IP. Det ryms i årets underhållsbudget och kan vara på plats före vinterns träningssäsong.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        plan: 'Vi flyttar och monterar ett befintligt väderskydd med belysning vid hållplatsen Ekbackens IP.',
        updates: ['Fundamentet är gjutet.', 'Väderskyddet är monterat och belysningen tänd.'],
      },
    ],
    comments: [
      {
        email: 'sara.gustafsson@example.se',
        body: 'Tack! Min son väntar där tre kvällar i veckan.',
      },
      {
        email: 'tomasz.nowak@example.se',
        body: 'Kan ni också titta på att bussen ibland kör förbi utan att stanna när det är mörkt?',
        replies: [
          {
            email: 'lars.eriksson@example.se',
            body: 'Bra poäng. Med belysningen blir det förhoppningsvis lättare för chaufförerna att se barnen.',
          },
        ],
      },
    ],
  },
  {
    title: 'Pendlarparkeringen i Norrvik är full redan klockan sju',
    description:
      'Pendlarparkeringen vid Norrviks hållplats har 45 platser och är full före kl. 7 varje vardag. Bilar parkeras sedan längs Norrviksvägen och på gräset, vilket skapar farliga situationer och klagomål från grannarna.\n\nVi på Stadsbyggnadsförvaltningen vill inte bara bygga fler bilplatser. Vi söker idéer på hur fler kan ta sig till hållplatsen **utan bil**: cykel, samåkning eller bättre anslutande bussar. Beskriv gärna hur du reser i dag.',
    categorySlug: 'mobility',
    areaSlug: 'norrvik',
    posterEmail: 'goran.sjoberg@example.se',
    organisationSlug: 'stadsbyggnadsforvaltningen',
    status: 'open',
    ageDays: 60,
    solutions: [
      {
        email: 'jonas.falk@example.se',
        body: 'Bygg 30 säkra cykelplatser med tak vid hållplatsen och laddning för elcyklar. De flesta av oss bor inom tre kilometer men vågar inte lämna en dyr elcykel där.',
      },
      {
        email: 'fredrik.olsson@example.se',
        organisationSlug: 'kustcykel',
        body: 'Kustcykel kan erbjuda elcyklar på långtidshyra för pendlare i Norrvik, med service inräknad. Tio personer räcker för att vi ska starta.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'helena.strom@example.se',
        body: 'Jag bor fyra kilometer bort och det går ingen buss till hållplatsen från mitt håll. Då blir det bilen.',
      },
      {
        email: 'ida.soderberg@example.se',
        body: 'Samåkning? Vi är nog många som kör exakt samma väg varje morgon.',
      },
    ],
  },
  {
    title: 'Hälften av lånecyklarna vid Campus är trasiga',
    description:
      'Av de tolv lånecyklarna vid Campusvägen går bara fem eller sex att använda. Resten har punktering, lös kedja eller trasigt lås, och de står ofta kvar i veckor. Lånecyklarna är det enklaste sättet för oss på Campus att ta oss till stationen och centrum.\n\nKan felanmälan bli enklare, och kan någon laga cyklarna snabbare?',
    categorySlug: 'mobility',
    areaSlug: 'campus',
    posterEmail: 'aino.virtanen@example.se',
    status: 'solved',
    ageDays: 200,
    solutions: [
      {
        email: 'fredrik.olsson@example.se',
        organisationSlug: 'kustcykel',
        body: 'Kustcykel sköter redan kommunens lånecyklar. Vi sätter en QR-kod på varje cykel som går direkt till vår verkstad och lovar att laga inom **två arbetsdagar**. Vi ställer också ut fyra extra cyklar vid Campus under terminerna.',
        accepted: true,
      },
      {
        email: 'wei.chen@example.se',
        body: 'Ge den som rapporterar ett fel en gratis extra lånedag. Då upptäcks felen snabbare.',
      },
    ],
    pledges: [
      {
        email: 'fredrik.olsson@example.se',
        organisationSlug: 'kustcykel',
        plan: 'Vi märker alla lånecyklar med QR-kod för felanmälan, lagar dem inom två arbetsdagar och ställer ut fyra extra cyklar vid Campus under terminen.',
        updates: [
          'QR-koderna sitter på alla 48 cyklar i kommunen.',
          'Första månaden: 31 felanmälningar, alla lagade inom två dagar.',
          'Fyra extracyklar står vid Campus sedan terminsstarten.',
        ],
      },
    ],
    comments: [
      { email: 'ebba.lund@example.se', body: 'Stor skillnad redan! Tack, Kustcykel.' },
      {
        email: 'ahmed.hassan@example.se',
        body: 'Går det att använda QR-koden för att säga att en cykel saknas helt?',
        replies: [
          {
            email: 'fredrik.olsson@example.se',
            body: 'Ja, välj ”Cykeln är borta” i formuläret så letar vi upp den.',
          },
        ],
      },
    ],
  },
  {
    title: 'Tunga lastbilar kör genom Fiskeläget till nya hamnen',
    description:
      'Sedan Hamngatan grävdes upp använder många lastbilar **Strandgatan genom Fiskeläget** som genväg till nya hamnen. Gatan är sex meter bred, saknar trottoar och kantas av hus från 1700-talet. Husen skakar, barnen kan inte leka ute och i juli var det nära en olycka vid piren.\n\nByalaget vill att genomfart med tung trafik förbjuds och att navigatorerna hänvisar till Industrivägen. Vi räknade till 64 lastbilar under en vanlig vardag.',
    categorySlug: 'mobility',
    areaSlug: 'fiskelaget',
    posterEmail: 'birgitta.holm@example.se',
    organisationSlug: 'fiskelagets-byalag',
    status: 'in_progress',
    ageDays: 130,
    solutions: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        body: 'Vi har lagt in Strandgatan som förbjuden väg i vår egen ruttplanering och pratat med två andra åkerier. Men en tydlig skylt vid rondellen hjälper mest – många chaufförer följer bara navigatorn.',
      },
    ],
    pledges: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        plan: 'Vi inför förbud mot genomfart med tung trafik på Strandgatan genom en lokal trafikföreskrift, sätter upp skyltar vid båda infarterna och meddelar kartleverantörerna.',
        updates: [
          'Trafikföreskriften är beslutad och gäller från den 1:a.',
          'Skyltarna är uppe. Vi räknar trafiken igen om en månad.',
        ],
      },
    ],
    comments: [
      {
        email: 'per-olof.persson@example.se',
        body: 'Det har redan blivit mycket lugnare den första veckan.',
      },
      {
        email: 'lennart.akesson@example.se',
        body: 'Men fiskbilen till hamnbutiken måste väl fortfarande kunna komma fram?',
        replies: [
          {
            email: 'birgitta.holm@example.se',
            body: 'Ja, leveranser till adresser på Strandgatan är undantagna.',
          },
        ],
      },
    ],
  },
  {
    title: 'Nattbuss från Campus till centrum på fredagar och lördagar',
    description:
      'Det bor över 2 000 studenter på och runt Campus, men sista bussen in till centrum går 23.15 och sista bussen hem går 00.20. Den som vill gå på konsert i Gamla hamnen, eller jobbar kväll på en restaurang, får gå fyra kilometer längs en mörk väg eller dela på en taxi.\n\nEn nattbuss var fyrtionde minut mellan kl. 00 och 03 på helgnätter skulle göra stor skillnad, både för tryggheten och för restaurangerna i stan.',
    categorySlug: 'mobility',
    areaSlug: 'campus',
    posterEmail: 'wei.chen@example.se',
    status: 'open',
    ageDays: 8,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'emma.larsson@example.se',
        body: 'Det gäller oss gymnasieelever i Solhaga också!',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Vem ska betala? Skattebetalarna ska inte subventionera festande.',
        replies: [
          {
            email: 'wei.chen@example.se',
            body: 'Många av oss jobbar på krogarna till kl. 2. Det handlar inte bara om fest.',
          },
        ],
      },
      {
        email: 'karin.bergstrom@example.se',
        body: 'Vår nattpersonal skulle också åka med.',
      },
    ],
  },
  {
    title: 'Gratis buss till Industriområdet Nord för alla som jobbar där',
    description:
      'Många som jobbar i Industriområdet Nord har tidiga skift och dåliga bussförbindelser. Jag föreslår att kommunen inför gratis resor på linje 9 för alla som har sin arbetsplats i området, så att fler lämnar bilen hemma och parkeringarna blir mindre trånga.\n\nDet skulle också göra det lättare för företagen att rekrytera personal som inte har körkort eller bil.',
    categorySlug: 'mobility',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'andres.morales@example.se',
    status: 'closed',
    closedReason:
      'Taxor och avgiftsfria linjer beslutas av regionen, som ansvarar för kollektivtrafiken, inte av kommunen. Behovet av fler turer vid skiftbytena tas med i kommunens årliga trafikönskemål till regionen.',
    ageDays: 280,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'mehmet.yilmaz@example.se',
        body: 'Vi på åkeriet skulle hellre se tätare turer än gratis resor.',
      },
      {
        email: 'sofia.andersson@example.se',
        body: 'Fler turer vid skiftbytena 5.45 och 13.45 vore ett bra första steg.',
      },
    ],
  },
  {
    title: 'Cykelbanan längs Industrivägen plogas sist av alla',
    description:
      'Vi är många som cyklar till jobbet i Industriområdet Nord, även på vintern. Men cykelbanan längs Industrivägen plogas och sandas ofta först efter kl. 9, långt efter att de första skiften har börjat kl. 6. Förra vintern vurpade två av mina arbetskamrater på isen.\n\n- prioritera cykelbanan i snöröjningen före kl. 6 på vardagar\n- sopsalta i stället för att bara sanda\n- ta bort snövallen som plogbilen lämnar vid korsningen mot Verkstadsgatan',
    categorySlug: 'mobility',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'sofia.andersson@example.se',
    status: 'open',
    ageDays: 45,
    solutions: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        body: 'Vi har en mindre traktor med sopvals på terminalen. Om kommunen tecknar avtal med oss kan vi ta den första rundan på cykelbanan när vi ändå röjer vår egen gård kl. 5.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'goran.sjoberg@example.se',
        body: 'Vi ser över prioriteringslistan inför vintern och tar med det här.',
      },
      {
        email: 'tomasz.nowak@example.se',
        body: 'Samma sak på cykelbanan genom Ekbacken.',
      },
    ],
  },
  {
    title: 'Svårt för äldre i Solhaga att ta sig till vårdcentralen',
    description:
      'Sedan vårdcentralen flyttade från Solhaga torg till centrum har många äldre grannar svårt att ta sig dit. Bussen kräver byte, färdtjänst beviljas bara vissa och taxi blir dyrt för den som ska dit varje vecka.\n\nJag jobbar som undersköterska och ser hur folk skjuter upp sina besök. Kanske går det att ordna **en enkel skyttel några dagar i veckan**, eller volontärer som följer med? Det är bara 3,5 kilometer.',
    categorySlug: 'mobility',
    areaSlug: 'solhaga',
    posterEmail: 'fatima.ali@example.se',
    status: 'in_progress',
    ageDays: 75,
    solutions: [
      {
        email: 'hodan.warsame@example.se',
        body: 'Prata med församlingen och pensionärsföreningen – de har redan volontärer som vill göra något meningsfullt.',
      },
    ],
    pledges: [
      {
        email: 'fredrik.olsson@example.se',
        organisationSlug: 'kustcykel',
        plan: 'Kustcykel lånar ut två eldrivna passagerarcyklar med plats för två och utbildar volontärer som kör äldre från Solhaga torg till vårdcentralen tisdagar och torsdagar.',
        updates: [
          'Sex volontärer har gått utbildningen.',
          'De första turerna är körda – 14 resor på två veckor.',
        ],
      },
    ],
    comments: [
      {
        email: 'magnus.karlsson@example.se',
        body: 'Min mamma åkte med i förra veckan och tyckte att det var veckans höjdpunkt!',
      },
      {
        email: 'andres.morales@example.se',
        body: 'Vad händer när det regnar?',
        replies: [
          {
            email: 'fredrik.olsson@example.se',
            body: 'Cyklarna har regnkapell och filtar. Vid storm ställer vi in och ringer alla som bokat.',
          },
        ],
      },
    ],
  },
  {
    title: 'Bilpool för hyresgästerna i Ängsgården',
    description:
      'Många i Ängsgården har ingen egen bil och behöver en bara någon gång i månaden: för att handla stort, flytta något eller hälsa på släkt. Att hyra bil i centrum tar en halv dag.\n\nEn bilpool med några bilar på gården, som man bokar i mobilen och betalar per timme, skulle göra vardagen enklare och minska behovet av parkeringsplatser. Jag tror att många skulle vara med om det blev enkelt och billigt.',
    categorySlug: 'mobility',
    areaSlug: 'angsgarden',
    posterEmail: 'daniel.ahmadi@example.se',
    status: 'solved',
    ageDays: 260,
    solutions: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        body: 'Kustbo startar en bilpool med **tre elbilar** på parkeringen vid Ängsgårdens torg. Hyresgästerna bokar i en app och betalar 45 kronor i timmen, laddningen ingår. Vi utvärderar efter ett år och bygger ut om bilarna används.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        plan: 'Vi startar en bilpool med tre elbilar och egna laddplatser vid Ängsgårdens torg för våra hyresgäster.',
        updates: [
          'Laddplatserna är installerade.',
          'Bilpoolen öppnade med 86 registrerade hyresgäster.',
          'Efter sex månader är bilarna bokade 60 procent av tiden. En fjärde bil kommer i vår.',
        ],
      },
    ],
    comments: [
      {
        email: 'zeynep.demir@example.se',
        body: 'Kan vi som har företag i området också bli medlemmar?',
        replies: [
          {
            email: 'kristina.nystrom@example.se',
            body: 'Ja, från och med nästa månad finns ett företagsabonnemang.',
          },
        ],
      },
      {
        email: 'hodan.warsame@example.se',
        body: 'Jättebra! Jag har redan använt den två gånger.',
      },
    ],
  },
  {
    title: 'Realtidsskylten vid Ekbackens centrum visar fel tider',
    description:
      'Skylten vid hållplatsen Ekbackens centrum visar ofta att bussen kommer om två minuter, sedan tio, och sedan försvinner avgången helt. Ibland står det ”Nu” fast bussen redan har gått. Det går inte att veta om man ska springa eller vänta på nästa.\n\nDet verkar som att skylten inte får samma data som appen, för i appen stämmer tiderna bättre. Kan någon ta reda på vad som är fel?',
    categorySlug: 'mobility',
    areaSlug: 'ekbacken',
    posterEmail: 'tomasz.nowak@example.se',
    status: 'open',
    ageDays: 5,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'linnea.berg@example.se',
        body: 'Samma sak vid Ekbackens skola. Jag litar bara på appen nu.',
      },
    ],
  },
]

const cityCentreTrade: DemoChallenge[] = [
  {
    title: 'Nio tomma butikslokaler på Storgatan',
    description:
      'Just nu står **nio butikslokaler tomma** längs Storgatan och Kyrkogatan, flera av dem sedan mer än ett år. Tomma skyltfönster gör gatan mörk och tråkig och drar ner även de butiker som finns kvar.\n\nCentrumföreningen söker idéer och samarbeten:\n\n- korttidskontrakt för pop-up-butiker och unga företagare\n- konst eller utställningar i skyltfönstren medan lokalerna står tomma\n- en gemensam lista över lediga lokaler på https://example.se/centrumforeningen/lokaler\n\nVi vill gärna ha med fastighetsägarna från början.',
    categorySlug: 'city-centre-trade',
    areaSlug: 'centrum',
    posterEmail: 'erik.johansson@example.se',
    organisationSlug: 'centrumforeningen-sjohamn',
    status: 'in_progress',
    ageDays: 180,
    solutions: [
      {
        email: 'oskar.nilsson@example.se',
        organisationSlug: 'kulturforeningen-magasinet',
        body: 'Kulturföreningen Magasinet kan fylla tomma skyltfönster med konst från våra ateljéer så länge lokalerna står tomma. Vi byter utställning varannan månad och sköter allt själva.',
      },
      {
        email: 'emma.larsson@example.se',
        body: 'Gör en av lokalerna till UF-butik! Vi på gymnasiet har massor av UF-företag som behöver en plats att sälja på.',
      },
    ],
    pledges: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        plan: 'Kustbo erbjuder två av sina lokaler på Storgatan som pop-up-butiker med tremånaderskontrakt och halv hyra för nystartade företag.',
        updates: [
          'Den första pop-up-butiken, en second hand-butik, har öppnat på Storgatan 14.',
          'Lokalen på Kyrkogatan 3 är uthyrd till ett keramikkollektiv fram till jul.',
        ],
      },
    ],
    comments: [
      {
        email: 'magnus.karlsson@example.se',
        body: 'Problemet är att hyrorna är för höga. Sänk dem för gott i stället för att köra pop-up.',
        replies: [
          {
            email: 'kristina.nystrom@example.se',
            body: 'Vi förstår. Pop-up är ett sätt att hitta hyresgäster som stannar – två av de senaste har redan skrivit längre avtal.',
          },
        ],
      },
      {
        email: 'anna.lindqvist@example.se',
        body: 'Konsten i fönstren på Storgatan 20 är jättefin!',
      },
    ],
  },
  {
    title: 'Lördagstorget på Stortorget krymper för varje år',
    description:
      'När jag började sälja grönsaker på Stortorget för femton år sedan var vi över tjugo handlare på lördagarna. I år är vi sju. Platsavgiften har höjts, det saknas el och vatten, och parkeringen för oss handlare försvann när torget byggdes om.\n\nTorghandeln är en del av det som gör Sjöhamn till Sjöhamn. Vad behövs för att få tillbaka fler handlare – och fler kunder?',
    categorySlug: 'city-centre-trade',
    areaSlug: 'centrum',
    posterEmail: 'gunnar.wikstrom@example.se',
    status: 'open',
    ageDays: 110,
    solutions: [
      {
        email: 'amira.haddad@example.se',
        organisationSlug: 'bageriet-vid-torget',
        body: 'Bageriet öppnar gärna ett stånd på torget med kaffe och bullar på lördagarna. Fler stånd lockar fler kunder, och vi kan dela på elen med grannstånden.',
      },
      {
        email: 'erik.johansson@example.se',
        organisationSlug: 'centrumforeningen-sjohamn',
        body: 'Centrumföreningen kan marknadsföra lördagstorget tillsammans med våra köpkvällar och ordna en **torgets dag** i maj med musik och provsmakning.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'ida.soderberg@example.se',
        body: 'Jag handlar gärna där men hinner sällan före kl. 13 när allt stänger.',
        replies: [
          {
            email: 'gunnar.wikstrom@example.se',
            body: 'Det är värt att prova att ha öppet till kl. 15 i sommar.',
          },
        ],
      },
      {
        email: 'helena.strom@example.se',
        body: 'Ta bort platsavgiften första året för nya handlare.',
      },
    ],
  },
  {
    title: 'Besökare hittar inte från Gamla hamnen upp till centrum',
    description:
      'Varje dag frågar våra hotellgäster hur de tar sig till Storgatan. Det finns ingen skylt på kajen, och den naturliga vägen via Tullgränd ser ut som en återvändsgränd. Många går i stället tillbaka till bilen eller stannar i hamnen.\n\nDet är bara **700 meter** mellan hamnen och Stortorget. Bättre vägvisning skulle gynna både restaurangerna i hamnen och butikerna i centrum.',
    categorySlug: 'city-centre-trade',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'karin.bergstrom@example.se',
    organisationSlug: 'hotell-kajen',
    status: 'solved',
    ageDays: 300,
    solutions: [
      {
        email: 'erik.johansson@example.se',
        organisationSlug: 'centrumforeningen-sjohamn',
        body: 'Centrumföreningen tar fram ett skyltprogram med sex vägvisare mellan kajen och Stortorget, i samma stil som de gamla gatuskyltarna. Vi står för design och kostnad, kommunen för uppsättningen.',
        accepted: true,
      },
      {
        email: 'ebba.lund@example.se',
        organisationSlug: 'fyrljus-it',
        body: 'Fyrljus IT gör en enkel mobilkarta över hamnen och centrum, med en QR-kod på varje skylt, på svenska, engelska och tyska. Koden blir öppen så att kommunen kan ta över den.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'erik.johansson@example.se',
        organisationSlug: 'centrumforeningen-sjohamn',
        plan: 'Vi tar fram och bekostar sex vägvisningsskyltar mellan Gamla hamnen och Stortorget.',
        updates: ['Skisserna är klara och godkända av kommunen.', 'Alla sex skyltar är uppe!'],
      },
      {
        email: 'ebba.lund@example.se',
        organisationSlug: 'fyrljus-it',
        plan: 'Vi bygger en mobilkarta på tre språk som nås med QR-koder på skyltarna.',
        updates: ['Kartan finns nu på https://example.se/hitta-i-sjohamn.'],
      },
    ],
    comments: [
      {
        email: 'johan.ek@example.se',
        body: 'Bra! Men Tullgränd behöver också bättre belysning.',
      },
      {
        email: 'oskar.nilsson@example.se',
        body: 'Kan Magasinet också komma med på skyltarna?',
        replies: [
          {
            email: 'erik.johansson@example.se',
            body: 'Absolut, vi lägger till er på skylten vid kajen.',
          },
        ],
      },
    ],
  },
  {
    title: 'Julbelysningen saknas på Kyrkogatan och runt Lilla torget',
    description:
      'Storgatan är vacker i december, men så fort man svänger in på Kyrkogatan eller går mot Lilla torget är det kolsvart. Där ligger flera små butiker och kaféer som också behöver julhandeln, och det känns otryggt att gå där på kvällen.\n\nKan julbelysningen förlängas till sidogatorna i år? Gärna med LED-slingor som drar lite ström.',
    categorySlug: 'city-centre-trade',
    areaSlug: 'centrum',
    posterEmail: 'helena.strom@example.se',
    status: 'solved',
    ageDays: 340,
    solutions: [
      {
        email: 'erik.johansson@example.se',
        organisationSlug: 'centrumforeningen-sjohamn',
        body: 'Centrumföreningen förlänger julbelysningen till Kyrkogatan och Lilla torget med 40 nya LED-slingor. Fastighetsägarna längs gatorna har godkänt fästen i fasaderna.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'erik.johansson@example.se',
        organisationSlug: 'centrumforeningen-sjohamn',
        plan: 'Vi köper in och hänger upp LED-slingor på Kyrkogatan och runt Lilla torget före första advent.',
        updates: [
          'Fastighetsägarna har sagt ja.',
          'Slingorna är uppe, tändning första advent kl. 17.',
        ],
      },
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        plan: 'Sjöhamns Åkeri lånar ut en skylift med förare till uppsättningen och nedtagningen, utan kostnad.',
        updates: ['Uppsättningen tog två kvällar.'],
      },
    ],
    comments: [
      {
        email: 'amira.haddad@example.se',
        body: 'Så fint det blev! Fler kunder hittade till Lilla torget i år.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Kunde man inte ha sparat de pengarna?',
        replies: [
          {
            email: 'erik.johansson@example.se',
            body: 'Slingorna drar ungefär lika mycket som två kaffebryggare och är tända kl. 16–23. Butikerna betalar.',
          },
        ],
      },
    ],
  },
  {
    title: 'Ingen butik inom gångavstånd sedan Strandkiosken stängde',
    description:
      'Sedan Strandkiosken vid Badhusvägen stängde i höstas finns ingen butik inom två kilometer från bostäderna vid Strandbaden. För oss med barn, och för de äldre på seniorboendet, betyder det att varje liter mjölk kräver bil eller buss.\n\nKanske kan någon ta över lokalen, eller så kan ett obemannat minilager eller en utlämningspunkt fungera? Lokalen står fortfarande tom.',
    categorySlug: 'city-centre-trade',
    areaSlug: 'strandbaden',
    posterEmail: 'maria.svensson@example.se',
    status: 'open',
    ageDays: 64,
    solutions: [
      {
        email: 'gunnar.wikstrom@example.se',
        body: 'Vi som säljer på torget kan köra en liten grönsaksbil till Strandbaden på onsdagar om det finns en plats att stå på.',
      },
      {
        email: 'amira.haddad@example.se',
        organisationSlug: 'bageriet-vid-torget',
        body: 'Bageriet kan leverera bröd till ett obemannat minilager varje morgon, om någon startar ett.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'nikola.petrovic@example.se',
        body: 'Jag skulle kunna tänka mig att driva kiosken på sommaren, men vintern bär sig inte.',
        replies: [
          {
            email: 'maria.svensson@example.se',
            body: 'Kanske om flera delar på det? Sommarkiosk plus paketutlämning på vintern.',
          },
        ],
      },
      {
        email: 'ingrid.dahl@example.se',
        body: 'Seniorboendet skulle verkligen behöva det här.',
      },
    ],
  },
  {
    title: 'Ängsgårdens torg behöver fler besökare för att butikerna ska överleva',
    description:
      'Vid Ängsgårdens torg finns min frisersalong, en livsmedelsbutik, en pizzeria och ett skrädderi. Torget byggdes på 70-talet och har inte rustats sedan dess: trasiga bänkar, inga planteringar och en fontän som har varit torr i tio år. Folk går förbi till bussen men stannar inte.\n\nVi företagare vill gärna vara med och betala, men vi behöver hjälp att komma igång. Marknad, uteservering, lekplats – vad skulle få dig att stanna?',
    categorySlug: 'city-centre-trade',
    areaSlug: 'angsgarden',
    posterEmail: 'zeynep.demir@example.se',
    status: 'open',
    ageDays: 70,
    solutions: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        body: 'Kustbo äger husen runt torget och kan bekosta nya bänkar och planteringar om kommunen tar hand om fontänen. Vi föreslår en gemensam vårstädning med hyresgästerna som start.',
      },
      {
        email: 'hodan.warsame@example.se',
        body: 'En loppmarknad en lördag i månaden! Många här har saker att sälja och vill gärna träffas.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'daniel.ahmadi@example.se',
        body: 'Fontänen! Vi lekte i den när jag var liten.',
      },
      {
        email: 'samir.abdi@example.se',
        body: 'Arbetsmarknadsförvaltningen kan bidra med deltagare från våra arbetsträningsgrupper för skötseln av planteringarna.',
      },
    ],
  },
  {
    title: 'Gamla hamnen dör efter sommarsäsongen',
    description:
      'Från juni till augusti är Gamla hamnen full av liv. Men från oktober till april är restaurangerna halvtomma, två av dem stänger helt och beläggningen på hotellet sjunker till 35 procent. Det gör det svårt att behålla personal året runt.\n\nVi behöver **anledningar att komma till hamnen på vintern**: evenemang, vinterbad, julmarknad, konferenser. Hotell Kajen vill gärna samarbeta med föreningar och andra företag i hamnen.',
    categorySlug: 'city-centre-trade',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'karin.bergstrom@example.se',
    organisationSlug: 'hotell-kajen',
    status: 'in_progress',
    ageDays: 150,
    solutions: [
      {
        email: 'fredrik.olsson@example.se',
        body: 'Vinterbad! Vi är ett gäng som badar året runt vid Strandbaden. En bastuflotte vid kajen skulle locka folk varje helg.',
      },
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kultur-och-fritidsforvaltningen',
        body: 'Kultur- och fritidsförvaltningen kan flytta Ljusfestivalen i november från Stortorget till hamnen om aktörerna i hamnen vill vara med och fylla programmet.',
      },
    ],
    pledges: [
      {
        email: 'oskar.nilsson@example.se',
        organisationSlug: 'kulturforeningen-magasinet',
        plan: 'Magasinet startar en vinterserie med konserter varannan fredag från november till mars, med paketpris tillsammans med restaurangerna i hamnen.',
        updates: [
          'Vinterns program är klart: tio konserter.',
          'Sex av tio konserter är utsålda hittills.',
        ],
      },
    ],
    comments: [
      { email: 'johan.ek@example.se', body: 'Bastuflotten är en superidé.' },
      {
        email: 'lennart.akesson@example.se',
        body: 'Glöm inte oss som bor här. Evenemang ja, men inte musik till kl. 2 varje helg.',
        replies: [
          {
            email: 'karin.bergstrom@example.se',
            body: 'Förstått – vi vill ha liv men inte stök. Konserterna slutar senast kl. 23.',
          },
        ],
      },
    ],
  },
  {
    title: 'Låt fiskarna sälja direkt från båtarna vid piren',
    description:
      'I Fiskeläget finns fortfarande tre yrkesfiskare, men fisken körs till auktion i en annan stad och kommer tillbaka till affären flera dagar senare. Förr kunde man köpa torsk och sill direkt vid piren. I dag är det oklart vad som gäller för tillstånd, kylning och betalning.\n\nJag vill att kommunen och fiskarna tar fram **enkla regler för försäljning vid piren**, kanske med ett gemensamt kylskåp och en fast tid, till exempel fredagar kl. 8–11.',
    categorySlug: 'city-centre-trade',
    areaSlug: 'fiskelaget',
    posterEmail: 'lennart.akesson@example.se',
    status: 'open',
    ageDays: 25,
    solutions: [
      {
        email: 'ingrid.dahl@example.se',
        organisationSlug: 'miljoforvaltningen',
        body: 'Miljöförvaltningen kan göra en förenklad registrering för försäljning från båt och ge råd om kylkedjan. Det är mindre krångligt än många tror – läs vår vägledning på https://example.se/kommun/miljo/fiskforsaljning.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'birgitta.holm@example.se',
        body: 'Byalaget stöttar det här helt. Det var så det var förr.',
      },
      {
        email: 'karin.bergstrom@example.se',
        body: 'Hotellets restaurang köper gärna fisk direkt från båten.',
      },
      { email: 'elsa.martensson@example.se', body: 'Och ingen plastförpackning!' },
    ],
  },
  {
    title: 'Lokala odlare i Norrvik saknar en utlämningsplats i stan',
    description:
      'Runt Norrvik finns ett tiotal gårdar som säljer grönsaker, ägg, honung och kött direkt till kunderna. Men utlämningen sker på en parkering vid Norrviksvägen en kväll i veckan, vilket är krångligt för kunder i centrum som inte har bil.\n\nVi söker en fast plats i centrum där kunderna kan hämta sina beställningar, gärna med kylrum, och helst på en tid som passar den som jobbar.',
    categorySlug: 'city-centre-trade',
    areaSlug: 'norrvik',
    posterEmail: 'ida.soderberg@example.se',
    status: 'in_progress',
    ageDays: 90,
    solutions: [
      {
        email: 'gunnar.wikstrom@example.se',
        body: 'Samla beställningarna i ett gemensamt formulär, så slipper kunderna beställa från varje gård för sig.',
      },
    ],
    pledges: [
      {
        email: 'amira.haddad@example.se',
        organisationSlug: 'bageriet-vid-torget',
        plan: 'Bageriet vid Torget blir utlämningsplats för beställningar från Norrviks gårdar på torsdagar kl. 15–18. Vi har plats i kylrummet och personal på plats.',
        updates: [
          'Första torsdagen hämtade 23 kunder sina kassar.',
          'Nu är vi uppe i 60 beställningar i veckan och fler gårdar vill vara med.',
        ],
      },
    ],
    comments: [
      {
        email: 'anna.lindqvist@example.se',
        body: 'Perfekt, jag går förbi bageriet på väg hem ändå.',
      },
      {
        email: 'jonas.falk@example.se',
        body: 'Kan man få kassen levererad till Norrviks hållplats också?',
      },
    ],
  },
  {
    title: 'Bygg ett köpcentrum vid motorvägsavfarten i Industriområdet Nord',
    description:
      'Många i Sjöhamn åker till köpcentrumen i grannkommunerna för att handla kläder och elektronik. Om vi hade ett eget köpcentrum vid avfarten i Industriområdet Nord skulle pengarna stanna i kommunen, det skulle bli fler jobb och det är lätt att parkera.\n\nDet finns gott om mark och det är nära motorvägen. Varför inte?',
    categorySlug: 'city-centre-trade',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'magnus.karlsson@example.se',
    status: 'closed',
    closedReason:
      'Översiktsplanen pekar ut Industriområdet Nord för industri och logistik, och kommunen prioriterar handel i stadskärnan. Förslaget kan lämnas som synpunkt när översiktsplanen revideras nästa år.',
    ageDays: 220,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'erik.johansson@example.se',
        body: 'Ett externt köpcentrum skulle tömma Storgatan helt. Se bara på andra städer.',
        replies: [
          {
            email: 'magnus.karlsson@example.se',
            body: 'Storgatan töms redan. Folk åker ju iväg ändå.',
          },
        ],
      },
      {
        email: 'mehmet.yilmaz@example.se',
        body: 'Marken behövs för företag som vill växa här. Det är redan ont om industritomter.',
      },
    ],
  },
  {
    title: 'Vad vill ni ha i de tomma lokalerna vid Solhaga torg?',
    description:
      'När apoteket och banken flyttade från Solhaga torg blev två stora lokaler tomma. Vi på Kustbo äger huset och vill hellre hyra ut till något som de boende i Solhaga saknar än att bara vänta på nästa hyresgäst.\n\nBerätta vad du saknar! Några idéer vi har fått:\n\n- paketutlämning och apoteksombud\n- kafé med läxhjälp\n- gym eller dansstudio för unga\n- lokal för föreningar\n\nVi kan sänka hyran för verksamheter som gör nytta för området.',
    categorySlug: 'city-centre-trade',
    areaSlug: 'solhaga',
    posterEmail: 'kristina.nystrom@example.se',
    organisationSlug: 'kustbo-fastigheter',
    status: 'open',
    ageDays: 40,
    solutions: [
      {
        email: 'emma.larsson@example.se',
        body: 'Ett kafé där man kan sitta efter skolan utan att behöva köpa något dyrt. Som en fritidsgård, fast för oss som är 16–19.',
      },
      {
        email: 'hodan.warsame@example.se',
        body: 'Kafé med läxhjälp! Vi har frivilliga läxhjälpare men ingen bra lokal i Solhaga, så vi träffas i ett trångt trapphus.',
      },
      {
        email: 'andres.morales@example.se',
        body: 'Paketutlämning – i dag måste vi ta bussen till centrum för att hämta varje paket.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'fatima.ali@example.se',
        body: 'Snälla, något med apoteksombud. Det bor många äldre här.',
      },
      { email: 'magnus.karlsson@example.se', body: 'Gym!' },
    ],
  },
  {
    title: 'Den offentliga toaletten vid Stortorget har varit stängd sedan i våras',
    description:
      'Toaletten vid Stortorget stängdes i april efter skadegörelse och har inte öppnat igen. Varje dag kommer turister, barnfamiljer och äldre in till oss på bageriet och frågar efter en toalett. Vi hjälper gärna till, men vi har bara en toalett för både gäster och personal.\n\n**En stadskärna utan offentlig toalett fungerar inte**, särskilt inte för äldre och för den som har en mag- eller tarmsjukdom. Vad behövs för att toaletten ska öppna igen och hållas hel?',
    categorySlug: 'city-centre-trade',
    areaSlug: 'centrum',
    posterEmail: 'amira.haddad@example.se',
    organisationSlug: 'bageriet-vid-torget',
    status: 'in_progress',
    ageDays: 55,
    solutions: [
      {
        email: 'erik.johansson@example.se',
        organisationSlug: 'centrumforeningen-sjohamn',
        body: 'Centrumföreningen kan starta **Öppen toalett**: butiker och kaféer som låter alla använda toaletten får en dekal i fönstret och en liten ersättning från kommunen. Det fungerar bra i andra städer.',
      },
    ],
    pledges: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        plan: 'Vi renoverar toaletten vid Stortorget med tåligare material, inför städning två gånger om dagen och öppettider kl. 8–21.',
        updates: ['Renoveringen är beställd. Leveranstiden för den nya inredningen är sex veckor.'],
      },
    ],
    comments: [
      {
        email: 'birgitta.holm@example.se',
        body: 'Tack för att ni tar upp det. Jag undviker faktiskt att åka in till centrum på grund av det här.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Ta fem kronor i avgift, så blir det mindre skadegörelse.',
        replies: [
          {
            email: 'amira.haddad@example.se',
            body: 'Kanske, men då måste det gå att betala med kort eller mobilen.',
          },
        ],
      },
    ],
  },
  {
    title: 'Hur får vi studenterna på Campus att hitta ner till centrum?',
    description:
      'Det bor och studerar över 4 000 personer på Campus, fyra kilometer från Stortorget. Ändå ser vi nästan inga studenter på Storgatan utom vid terminsstarten. Vi i Centrumföreningen tror att det handlar om resor, priser och att studenterna helt enkelt inte vet vad som finns.\n\nVad skulle få dig som student att komma ner oftare? Studentrabatt, en studentkväll, bättre busstider eller något helt annat?',
    categorySlug: 'city-centre-trade',
    areaSlug: 'campus',
    posterEmail: 'amira.haddad@example.se',
    organisationSlug: 'centrumforeningen-sjohamn',
    status: 'open',
    ageDays: 15,
    solutions: [
      {
        email: 'ahmed.hassan@example.se',
        body: 'En studentkväll i månaden med rabatt i butikerna och en extrabuss direkt från Campus. Marknadsför den där vi faktiskt finns, inte i lokaltidningen.',
      },
      {
        email: 'wei.chen@example.se',
        body: 'Fixa nattbussen först (se den utmaningen), så kommer vi. I dag är det omöjligt att ta sig hem efter en kväll i stan.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'ebba.lund@example.se',
        body: 'Gratis wifi och sittplatser med eluttag på ett kafé – då pluggar vi gärna i stan.',
        replies: [
          {
            email: 'amira.haddad@example.se',
            body: 'Det kan vi ordna hos oss på bageriet redan nu!',
          },
        ],
      },
      {
        email: 'viktor.hedlund@example.se',
        body: 'Vi på Fyrljus IT anställer studenter. Ett jobbtorg i centrum skulle också kunna locka.',
      },
    ],
  },
  {
    title: 'Tillåt matvagnar vid Strandbaden på sommaren',
    description:
      'På varma sommardagar är det tusentals människor vid Strandbaden, men det enda som säljs är glass ur en frysbox. Matvagnar skulle kunna erbjuda lunch och middag utan att kommunen behöver bygga något. I dag är det oklart vem man söker tillstånd hos, och tillståndet för att använda offentlig plats tar veckor.\n\nJag vill starta en matvagn med grillat och har pratat med två andra. Vi behöver **tre fasta platser med el** nära parkeringen och ett enkelt sätt att söka.',
    categorySlug: 'city-centre-trade',
    areaSlug: 'strandbaden',
    posterEmail: 'nikola.petrovic@example.se',
    status: 'open',
    ageDays: 130,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Vi kan peka ut tre platser vid parkeringen som upplåts för matvagnar juni–augusti, med ett samlat tillstånd som ni söker hos oss i stället för var för sig. El löser vi med ett elskåp vid parkeringen.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'maria.svensson@example.se',
        body: 'Gärna! Men låt inte bilarna köra ut på gräset.',
      },
      {
        email: 'ebba.lund@example.se',
        body: 'Bra, men skräpet måste tas om hand. Ställ krav på att vagnarna har sopkärl och pant.',
        replies: [
          {
            email: 'nikola.petrovic@example.se',
            body: 'Självklart, vi vill också ha en ren strand.',
          },
        ],
      },
    ],
  },
  {
    title: 'Ingen lunchrestaurang i hela Industriområdet Nord',
    description:
      'I Industriområdet Nord jobbar omkring 1 800 personer, men det finns inte en enda lunchrestaurang. De som inte har matlåda kör in till centrum, vilket tar 40 minuter av lunchtimmen och ger mer trafik. Våra chaufförer äter ofta en macka från bensinstationen.\n\nFinns det någon som vill öppna en lunchservering här? Vi kan hjälpa till med plats och parkering.',
    categorySlug: 'city-centre-trade',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'mehmet.yilmaz@example.se',
    organisationSlug: 'sjohamns-akeri',
    status: 'solved',
    ageDays: 190,
    solutions: [
      {
        email: 'amira.haddad@example.se',
        organisationSlug: 'bageriet-vid-torget',
        body: 'Bageriet vid Torget kör ut en lunchbil till Verkstadsgatan vardagar kl. 11–13 med soppa, sallad och smörgåsar. Beställ dagen före på https://example.se/bageriet-vid-torget/lunch, så blir det mindre svinn.',
        accepted: true,
      },
      {
        email: 'sofia.andersson@example.se',
        body: 'Ett gemensamt lunchrum med mikrovågsugnar för de mindre företagen hade också hjälpt.',
      },
    ],
    pledges: [
      {
        email: 'amira.haddad@example.se',
        organisationSlug: 'bageriet-vid-torget',
        plan: 'Vi startar en lunchbil som står vid Verkstadsgatan vardagar kl. 11–13, med förbeställning dagen före.',
        updates: [
          'Provkörning i en vecka: 70 portioner om dagen.',
          'Nu fem dagar i veckan. Vi har anställt en kock till.',
        ],
      },
    ],
    comments: [
      { email: 'sofia.andersson@example.se', body: 'Soppan på torsdagar är fantastisk.' },
      {
        email: 'tomasz.nowak@example.se',
        body: 'Kan ni ha något vegetariskt varje dag?',
        replies: [
          {
            email: 'amira.haddad@example.se',
            body: 'Ja, det finns alltid ett vegetariskt alternativ.',
          },
        ],
      },
    ],
  },
]

const environment: DemoChallenge[] = [
  {
    title: 'Strandpromenaden översvämmas vid varje höststorm',
    description:
      'Vid de tre senaste höststormarna har havet gått över **Strandpromenaden mellan badhuset och Tallskogen**. Bänkar har spolats bort, sand har täckt cykelbanan och källarna i de närmaste husen har fått in vatten. Med stigande havsnivåer kommer det här att bli vanligare.\n\nStadsbyggnadsförvaltningen arbetar med en långsiktig plan för skydd mot höga vattennivåer, men vi behöver också snabba åtgärder och bättre varningar. Vi vill gärna höra från boende, företag och forskare:\n\n- hur kan vi varna i tid?\n- vilka tillfälliga skydd fungerar?\n- hur kan promenaden byggas om så att den tål att översvämmas?',
    categorySlug: 'environment',
    areaSlug: 'strandbaden',
    posterEmail: 'goran.sjoberg@example.se',
    organisationSlug: 'stadsbyggnadsforvaltningen',
    status: 'in_progress',
    ageDays: 160,
    solutions: [
      {
        email: 'aino.virtanen@example.se',
        body: 'Vi på Campus mäter vattenstånd och våghöjd i ett forskningsprojekt, och mätdata är öppna. Sanddyner med strandråg skyddar dessutom ofta bättre än betongmurar.',
      },
    ],
    pledges: [
      {
        email: 'viktor.hedlund@example.se',
        organisationSlug: 'fyrljus-it',
        plan: 'Fyrljus IT sätter upp fem vattenståndssensorer längs promenaden och bygger en sms-tjänst som varnar boende och företag när vattnet stiger.',
        updates: [
          'Sensorerna är monterade och skickar data var femte minut.',
          'Varningstjänsten testas nu av 40 hushåll vid Strandbaden.',
        ],
      },
    ],
    comments: [
      {
        email: 'nikola.petrovic@example.se',
        body: 'Mitt källarförråd var fullt av vatten i oktober. En varning hade hjälpt.',
      },
      {
        email: 'ingrid.dahl@example.se',
        body: 'Viktigt att skydden inte förstör sanddynerna. De är vårt bästa naturliga skydd.',
        replies: [
          {
            email: 'goran.sjoberg@example.se',
            body: 'Håller med, vi tittar på naturbaserade lösningar först.',
          },
        ],
      },
    ],
  },
  {
    title: 'Plastskräp i vassen vid Norrviks strand efter vinterstormarna',
    description:
      'Efter stormarna i januari ligger vassen vid Norrviks strand full av plast: rep, fiskelådor, flaskor och massor av små bitar frigolit. Kommunen städar bara de officiella badstränderna, och den här stranden räknas inte som badplats.\n\nFåglarna börjar häcka i vassen i april, så städningen måste göras före dess. Vi är flera i Norrvik som vill hjälpa till men behöver någon som organiserar och tar hand om säckarna.',
    categorySlug: 'environment',
    areaSlug: 'norrvik',
    posterEmail: 'helena.strom@example.se',
    status: 'solved',
    ageDays: 225,
    solutions: [
      {
        email: 'ebba.lund@example.se',
        organisationSlug: 'rena-strander-sjohamn',
        body: 'Rena Stränder Sjöhamn ordnar en städdag i mars tillsammans med två skolklasser. Vi tar med handskar och säckar och väger det vi hittar, så att det blir underlag för kommunen. Miljöförvaltningen hämtar säckarna.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'ebba.lund@example.se',
        organisationSlug: 'rena-strander-sjohamn',
        plan: 'Vi ordnar en städdag vid Norrviks strand före fåglarnas häckning och rapporterar vad vi hittar.',
        updates: [
          'Städdagen blir en lördag i mitten av mars, anmälan på https://example.org/rena-strander.',
          '62 personer kom och vi samlade in 410 kilo skräp, mest frigolit och rep.',
          'Resultaten är inskickade till miljöförvaltningen.',
        ],
      },
    ],
    comments: [
      {
        email: 'jonas.falk@example.se',
        body: 'Fantastiskt jobbat! Vi var tre från Norrvik som var med.',
      },
      {
        email: 'lennart.akesson@example.se',
        body: 'Mycket av repen kommer från fisket. Vi borde ha en insamling av gamla redskap i hamnen.',
        replies: [
          {
            email: 'helena.strom@example.se',
            body: 'Bra idé – kanske en egen utmaning?',
          },
        ],
      },
    ],
  },
  {
    title: 'Buller från industriområdet på nätterna',
    description:
      'Sedan terminalen vid Verkstadsgatan började köra dygnet runt hörs backsignaler, containrar som släpps och kylaggregat hela natten. Jag bor i de nya husen vid Norra vägen, mellan Norrvik och industriområdet, och vaknar flera gånger varje natt. Grannar med små barn säger samma sak.\n\nJag förstår att företagen behöver arbeta, men **backsignaler finns i tystare varianter** och lastningen kanske kan flyttas till den sida som vetter bort från bostäderna. Kan miljöförvaltningen mäta bullret?',
    categorySlug: 'environment',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'helena.strom@example.se',
    status: 'open',
    ageDays: 33,
    solutions: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        body: 'Vi har bytt till brusande backvarnare på våra egna fordon i år. De hörs på nära håll men inte långt bort. Vi delar gärna erfarenheterna med grannföretagen.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'ingrid.dahl@example.se',
        body: 'Miljöförvaltningen mäter bullret under två nätter nästa månad. Vi återkommer med resultatet här.',
        replies: [{ email: 'helena.strom@example.se', body: 'Tack, det uppskattas!' }],
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Man får räkna med lite ljud om man flyttar nära ett industriområde.',
      },
    ],
  },
  {
    title: 'Ålgräsängarna utanför Fiskeläget håller på att försvinna',
    description:
      'Ålgräsängarna i viken utanför Fiskeläget är barnkammare för torsk och hem för massor av småfisk. Våra dykningar visar att **mer än hälften av ålgräset har försvunnit sedan 2010**, troligen på grund av grumligt vatten, båttrafik och ankring.\n\nDet går att plantera nytt ålgräs, men det kräver frivilliga dykare, tillstånd och att ingen ankrar i de känsliga områdena. Finns det båtägare och dykare som vill vara med?',
    categorySlug: 'environment',
    areaSlug: 'fiskelaget',
    posterEmail: 'aino.virtanen@example.se',
    status: 'open',
    ageDays: 85,
    solutions: [
      {
        email: 'lennart.akesson@example.se',
        body: 'Märk ut områdena med bojar och lägg ut ett par fasta förtöjningsbojar, så att ingen behöver ankra där.',
      },
      {
        email: 'ebba.lund@example.se',
        organisationSlug: 'rena-strander-sjohamn',
        body: 'Rena Stränder kan ta med skolklasser på snorkelturer och berätta om ålgräset. Ju fler som vet, desto färre ankrar där.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'per-olof.persson@example.se',
        body: 'Jag har båt och hjälper gärna till med transporter ut.',
      },
      {
        email: 'birgitta.holm@example.se',
        body: 'Kan byalaget söka pengar till bojarna?',
        replies: [
          {
            email: 'aino.virtanen@example.se',
            body: 'Ja, det finns stöd för lokala vattenvårdsprojekt. Jag hjälper gärna till med ansökan.',
          },
        ],
      },
    ],
  },
  {
    title: 'Maten som blir över på restaurangerna i hamnen slängs',
    description:
      'Restaurangerna och hotellet i Gamla hamnen slänger varje vecka mat som är fullt ätbar: frukostbuffé, bröd och färdiglagade rätter som inte sålts. Bara hos oss på Hotell Kajen handlar det om **cirka 80 kilo i veckan**. Det känns fel när det finns familjer i Sjöhamn som har det svårt.\n\nVi söker någon som kan ta emot och dela ut maten samma dag, och en enkel lösning för transporten.',
    categorySlug: 'environment',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'karin.bergstrom@example.se',
    organisationSlug: 'hotell-kajen',
    status: 'solved',
    ageDays: 250,
    solutions: [
      {
        email: 'oskar.nilsson@example.se',
        organisationSlug: 'kulturforeningen-magasinet',
        body: 'Magasinet har ett storkök som vår öppna verkstad använder. Vi kan ta emot mat tre dagar i veckan och servera ett gratis **folkkök** på onsdagar och fredagar för alla som vill komma.',
        accepted: true,
      },
      {
        email: 'hodan.warsame@example.se',
        body: 'Församlingens matkasse i Ängsgården tar också emot mat och delar ut till ett femtiotal familjer i veckan. Ring dem!',
      },
    ],
    pledges: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        plan: 'Sjöhamns Åkeri hämtar överbliven mat från restaurangerna i hamnen med vår kylda ellastbil och kör den till Magasinet och matkassen i Ängsgården.',
        updates: [
          'Hämtningen går måndag, onsdag och fredag eftermiddag.',
          'Fem restauranger är med och vi har kört över två ton mat hittills.',
        ],
      },
    ],
    comments: [
      {
        email: 'leila.karimi@example.se',
        body: 'Folkköket på onsdagar har blivit en fin mötesplats, 60–70 gäster varje gång.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Borde restaurangerna inte bara laga mindre mat?',
        replies: [
          {
            email: 'karin.bergstrom@example.se',
            body: 'Det gör vi också – svinnet har minskat med en tredjedel. Men något blir alltid över.',
          },
        ],
      },
    ],
  },
  {
    title: 'Tusentals fimpar i sanden vid Strandbaden',
    description:
      'När Rena Stränder städade Strandbaden i juni plockade vi **4 300 cigarettfimpar** på en eftermiddag, de flesta vid trappan från parkeringen och runt kiosken. Fimpar innehåller plast och gifter som läcker ut i sanden och havet.\n\nVi vill:\n\n- sätta upp askkoppar vid alla entréer\n- göra skyltar som barnen i skolklasserna ritar\n- diskutera rökfritt på själva stranden\n\nVem vill vara med och betala askkopparna?',
    categorySlug: 'environment',
    areaSlug: 'strandbaden',
    posterEmail: 'ebba.lund@example.se',
    organisationSlug: 'rena-strander-sjohamn',
    status: 'open',
    ageDays: 30,
    solutions: [
      {
        email: 'ingrid.dahl@example.se',
        organisationSlug: 'miljoforvaltningen',
        body: 'Miljöförvaltningen kan bekosta tio fimpkoppar och tömma dem tillsammans med papperskorgarna. Rökfri strand kräver ändrade lokala ordningsföreskrifter, och det kan vi föra fram till kommunstyrelsen.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'nikola.petrovic@example.se',
        body: 'Jag har sett fimpkoppar i andra städer. De fungerar.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Rökförbud utomhus går för långt.',
        replies: [
          {
            email: 'ebba.lund@example.se',
            body: 'Vi börjar med askkopparna och ser hur långt det räcker.',
          },
        ],
      },
    ],
  },
  {
    title: 'Trädgårdsavfallet i Ekbacken hamnar i skogen',
    description:
      'Ekbacken är ett villaområde med stora trädgårdar, men närmaste återvinningscentral ligger i Industriområdet Nord och kräver bil med släp. Resultatet är att grenar, gräsklipp och löv dumpas i skogsbrynet mot Ekbackens IP. Högarna växer varje år och sprider trädgårdsväxter som tar över skogen.\n\nEn container för trädgårdsavfall några helger på våren och hösten skulle lösa mycket. Eller en gemensam kompost som föreningen och skolan kan använda?',
    categorySlug: 'environment',
    areaSlug: 'ekbacken',
    posterEmail: 'sara.gustafsson@example.se',
    status: 'in_progress',
    ageDays: 120,
    solutions: [
      {
        email: 'lars.eriksson@example.se',
        organisationSlug: 'sjohamns-if',
        body: 'Det finns plats på parkeringen vid IP:t, och vi i Sjöhamns IF kan hjälpa till att hålla ordning när containrarna står där.',
      },
    ],
    pledges: [
      {
        email: 'ingrid.dahl@example.se',
        organisationSlug: 'miljoforvaltningen',
        plan: 'Miljöförvaltningen ställer ut containrar för trädgårdsavfall vid Ekbackens IP fyra helger under våren och hösten som ett försök.',
        updates: [
          'Första helgen fylldes tre containrar.',
          'Vårens försök är klart: 14 ton trädgårdsavfall. Vi fortsätter i höst och städar skogsbrynet.',
        ],
      },
    ],
    comments: [
      {
        email: 'tomasz.nowak@example.se',
        body: 'Tack! Jag har kört grenar med cykelkärra i två år.',
      },
      {
        email: 'linnea.berg@example.se',
        body: 'Kan det bli en fast container hela säsongen?',
      },
    ],
  },
  {
    title: 'Källarna i Solhaga översvämmas vid skyfall',
    description:
      'Vid skyfallet i augusti fick ett trettiotal källare i Solhaga in vatten, de flesta i radhusen vid Solhagavägen. Dagvattenledningarna klarar inte de stora regnmängderna, och vattnet rinner från parkeringen rakt mot husen.\n\nVi vill veta vad kommunen planerar och vad vi som bor här själva kan göra. Kan parkeringen byggas om så att vattnet tas om hand, till exempel med regnbäddar eller genomsläpplig beläggning?',
    categorySlug: 'environment',
    areaSlug: 'solhaga',
    posterEmail: 'magnus.karlsson@example.se',
    status: 'open',
    ageDays: 50,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Vi planerar ett skyfallsstråk genom parken öster om Solhagavägen som leder vattnet bort från husen. Under tiden kan fastighetsägare få bidrag till backventiler, läs mer på https://example.se/kommun/skyfall.',
      },
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        body: 'Kustbo byter ut asfalten på två av våra parkeringar i Solhaga mot genomsläppliga plattor nästa år.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'andres.morales@example.se',
        body: 'Vi fick 20 centimeter vatten i tvättstugan. Försäkringen täckte inte allt.',
      },
      {
        email: 'fatima.ali@example.se',
        body: 'Gäller bidraget för backventiler även oss hyresgäster?',
        replies: [
          {
            email: 'goran.sjoberg@example.se',
            body: 'Nej, det riktar sig till fastighetsägare, men Kustbo och andra hyresvärdar kan söka det.',
          },
        ],
      },
    ],
  },
  {
    title: 'Inga laddplatser för elbilar i Ängsgården',
    description:
      'Allt fler i Ängsgården skulle vilja köra elbil, men det finns **inte en enda laddplats** i området. Vi bor i flerfamiljshus och kan inte ladda hemma. Närmaste snabbladdare ligger vid motorvägen och är dyr.\n\nVi vill ha laddplatser på de stora parkeringarna, till ett rimligt pris för dem som bor här.',
    categorySlug: 'environment',
    areaSlug: 'angsgarden',
    posterEmail: 'daniel.ahmadi@example.se',
    status: 'in_progress',
    ageDays: 100,
    solutions: [],
    pledges: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        plan: 'Kustbo installerar 24 laddplatser på parkeringarna vid Ängsgårdens torg och Ängsvägen, med förtur för hyresgäster och laddning till självkostnadspris.',
        updates: [
          'Elnätsbolaget har godkänt anslutningen.',
          'De första tolv platserna är installerade.',
        ],
      },
    ],
    comments: [
      {
        email: 'zeynep.demir@example.se',
        body: 'Bra, men de flesta här har inte ens bil. Bättre bussar är viktigare.',
        replies: [
          {
            email: 'daniel.ahmadi@example.se',
            body: 'Båda behövs! Bilpoolen visar att elbilar kan delas.',
          },
        ],
      },
      {
        email: 'sofia.andersson@example.se',
        body: 'Vilket pris blir det per kilowattimme?',
      },
    ],
  },
  {
    title: 'Giftig båtbottenfärg sprids från slipen i Fiskeläget',
    description:
      'Miljöförvaltningens provtagning visar höga halter av koppar och zink i sedimenten vid båtuppläggningsplatsen i Fiskeläget. Föroreningarna kommer från båtbottenfärg som skrapas och spolas av på slipen varje vår.\n\nVi vill hitta en lösning tillsammans med båtägarna, inte bara förbjuda. Alternativ som finns:\n\n- spolplatta med uppsamling av vattnet\n- borsttvätt i vattnet under säsongen\n- hjälp att sanera gammal färg\n\nLäs provtagningsrapporten på https://example.se/kommun/miljo/batbottenfarg.',
    categorySlug: 'environment',
    areaSlug: 'fiskelaget',
    posterEmail: 'ingrid.dahl@example.se',
    organisationSlug: 'miljoforvaltningen',
    status: 'in_progress',
    ageDays: 140,
    solutions: [
      {
        email: 'lennart.akesson@example.se',
        body: 'Många av oss har gamla båtar med tiotals lager färg. Ett gemensamt pris för blästring skulle få fart på saneringen.',
      },
    ],
    pledges: [
      {
        email: 'birgitta.holm@example.se',
        organisationSlug: 'fiskelagets-byalag',
        plan: 'Fiskelägets Byalag bygger en spolplatta med uppsamling vid slipen, med pengar från kommunens lokala vattenvårdsstöd och ideella arbetstimmar.',
        updates: [
          'Ansökan om stöd är beviljad.',
          'Spolplattan gjuts i september. Frivilliga anmäler sig till Per-Olof.',
        ],
      },
    ],
    comments: [
      {
        email: 'per-olof.persson@example.se',
        body: 'Jag leder bygget. Vi behöver fem personer till på lördagarna.',
        replies: [{ email: 'oskar.nilsson@example.se', body: 'Jag kommer!' }],
      },
    ],
  },
  {
    title: 'Stoppa vindkraftsparken till havs utanför Norrvik',
    description:
      'Ett företag planerar 40 vindkraftverk fem kilometer utanför Norrviks kust. De kommer att synas från hela kusten, blinka rött varje natt och kan påverka fisket och fågellivet. Vi i Norrvik har inte blivit tillfrågade.\n\nJag vill att kommunen tydligt säger nej till parken och att Utmana används för att samla in synpunkter från alla som berörs.',
    categorySlug: 'environment',
    areaSlug: 'norrvik',
    posterEmail: 'gunnar.wikstrom@example.se',
    status: 'closed',
    closedReason:
      'Tillstånd för havsbaserad vindkraft så långt ut prövas av staten, inte av kommunen. Kommunen lämnar ett yttrande i samrådet, och synpunkter kan skickas direkt dit via https://example.se/kommun/vindkraft-samrad.',
    ageDays: 300,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'aino.virtanen@example.se',
        body: 'Det finns studier som visar att fundamenten kan bli konstgjorda rev. Det är inte bara negativt för livet i havet.',
      },
      {
        email: 'jonas.falk@example.se',
        body: 'Jag tycker att det är bra med mer fossilfri el, även om den syns.',
        replies: [
          {
            email: 'gunnar.wikstrom@example.se',
            body: 'Det kan man tycka, men vi som bor här borde åtminstone få vara med och tycka till.',
          },
        ],
      },
    ],
  },
  {
    title: 'Studentköken på Campus saknar sortering för matavfall',
    description:
      'I studentkorridorerna på Campus delar tolv personer på ett kök. Det finns ett kärl för brännbart och ett för förpackningar, men **inget för matavfall**, trots att kommunen har samlat in matavfall från villor i fem år. En stor del av soporna är matrester som kunde ha blivit biogas.\n\nVi är många som vill sortera rätt. Vem ansvarar – bostadsbolaget, kommunen eller universitetet?',
    categorySlug: 'environment',
    areaSlug: 'campus',
    posterEmail: 'ebba.lund@example.se',
    status: 'open',
    ageDays: 95,
    solutions: [
      {
        email: 'ingrid.dahl@example.se',
        organisationSlug: 'miljoforvaltningen',
        body: 'Insamling av matavfall är obligatorisk även för flerbostadshus sedan i år. Miljöförvaltningen kontaktar fastighetsägaren och hjälper till med kärl och information på flera språk.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'wei.chen@example.se',
        body: 'Ja! Vi har provat med en egen hink i vår korridor, men ingen vet var den ska tömmas.',
      },
      {
        email: 'ahmed.hassan@example.se',
        body: 'Skriv informationen på engelska också. Många här läser inte svenska ännu.',
      },
    ],
  },
  {
    title: 'Vilka gräsmattor i Ängsgården kan bli blommande ängar?',
    description:
      'Kommunen klipper i dag över 40 hektar gräsmatta i Ängsgården och Solhaga varannan vecka. Många av ytorna används knappt. Om en del av dem fick bli **ängar med blommor** skulle det gynna bin och fjärilar, spara pengar och bli vackrare – namnet Ängsgården förpliktigar!\n\nMen vi vill inte ta bort ytor där barn spelar boll eller där folk har picknick. Hjälp oss att peka ut vilka ytor som kan bli äng och vilka som ska vara kvar som gräsmatta. Markera gärna på kartan på https://example.se/kommun/miljo/angar.',
    categorySlug: 'environment',
    areaSlug: 'angsgarden',
    posterEmail: 'ingrid.dahl@example.se',
    organisationSlug: 'miljoforvaltningen',
    status: 'open',
    ageDays: 22,
    solutions: [
      {
        email: 'hodan.warsame@example.se',
        body: 'Slänten mellan Ängsvägen och skolan används aldrig. Den skulle bli perfekt, och eleverna kan följa blommorna i biologin.',
      },
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        body: 'Kustbo kan göra samma sak på våra gårdar om hyresgästerna vill. Vi frågar i nästa hyresgästenkät.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'daniel.ahmadi@example.se',
        body: 'Gräsplanen vid nummer 12 måste vara kvar, där spelar barnen fotboll varje kväll.',
        replies: [{ email: 'ingrid.dahl@example.se', body: 'Noterat, den behåller vi.' }],
      },
      {
        email: 'samir.abdi@example.se',
        body: 'Skötseln av ängarna kan bli arbetsträning för våra deltagare.',
      },
    ],
  },
  {
    title: 'Vresrosen tar över sanddynerna vid Strandbaden',
    description:
      'Vresros har spridit sig över stora delar av sanddynerna vid Strandbaden. Den tränger undan strandväxterna, gör det svårt att ta sig ner till vattnet och river sönder benen på barnen. Jag har läst att det är en invasiv art som borde bekämpas.\n\nKan kommunen och frivilliga rensa dynerna innan den sprider sig ännu mer?',
    categorySlug: 'environment',
    areaSlug: 'strandbaden',
    posterEmail: 'nikola.petrovic@example.se',
    status: 'solved',
    ageDays: 345,
    solutions: [
      {
        email: 'ingrid.dahl@example.se',
        organisationSlug: 'miljoforvaltningen',
        body: 'Miljöförvaltningen tar bort de största bestånden med grävmaskin i oktober och planterar strandråg. Därefter behövs handrensning av nya skott i tre år, som vi gör tillsammans med frivilliga. Mer om invasiva arter: https://example.se/kommun/miljo/invasiva-arter.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'birgitta.holm@example.se',
        organisationSlug: 'rena-strander-sjohamn',
        plan: 'Rena Stränder ordnar rensningsdagar för nya skott av vresros varje vår och höst i tre år efter att kommunen tagit bort de stora bestånden.',
        updates: [
          'Första rensningsdagen: 28 frivilliga och 200 skott uppgrävda.',
          'Dynerna ser bra ut och strandrågen har tagit sig.',
        ],
      },
    ],
    comments: [
      {
        email: 'maria.svensson@example.se',
        body: 'Äntligen kan barnen springa ner till vattnet igen.',
      },
      {
        email: 'fredrik.olsson@example.se',
        body: 'Ta med tjocka handskar på rensningsdagarna!',
      },
    ],
  },
  {
    title: 'Lastbilar och turistbussar står på tomgång vid kajen',
    description:
      'Varje morgon står lastbilar som väntar på färjan och turistbussar på tomgång längs kajen i Gamla hamnen, ibland i över en halvtimme. Avgaserna blåser rakt in på uteserveringarna och i lägenheterna ovanför.\n\nTomgångskörning i mer än en minut är redan förbjuden enligt de lokala föreskrifterna, men ingen verkar kontrollera det. Skyltar och en uppställningsplats med el för bussarna skulle hjälpa.',
    categorySlug: 'environment',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'johan.ek@example.se',
    status: 'open',
    ageDays: 14,
    solutions: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        body: 'Vi har installerat parkeringsvärmare i våra bilar så att chaufförerna slipper ha motorn igång på vintern. Samma krav borde gälla alla som kör in i hamnen.',
      },
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Vi tittar på att flytta uppställningen för färjetrafiken bort från kajen och sätter upp skyltar om tomgångsförbudet redan i vår.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'karin.bergstrom@example.se',
        body: 'Vi får klagomål från hotellgäster nästan varje vecka.',
      },
    ],
  },
]

const cultureLeisure: DemoChallenge[] = [
  {
    title: 'Ängsgårdens bibliotek är stängt på helgerna',
    description:
      'Ängsgårdens bibliotek har öppet måndag–torsdag kl. 12–19 och fredag kl. 10–15. På helgerna, när familjer har tid och barnen behöver en lugn plats för läxorna, är det stängt. För många här är biblioteket det enda stället med datorer, skrivare och tyst studiemiljö.\n\nVi vill ha **öppet på lördagar**, gärna med läxhjälp. Meröppet med lånekort, som finns på huvudbiblioteket, skulle också fungera.',
    categorySlug: 'culture-leisure',
    areaSlug: 'angsgarden',
    posterEmail: 'hodan.warsame@example.se',
    status: 'in_progress',
    ageDays: 115,
    solutions: [
      {
        email: 'anna.lindqvist@example.se',
        body: 'Som bibliotekarie vet jag att meröppet fungerar bra, men det behöver kompletteras med bemannade tider. Annars blir unga under 18 utestängda.',
      },
    ],
    pledges: [
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kultur-och-fritidsforvaltningen',
        plan: 'Vi inför meröppet på Ängsgårdens bibliotek med lånekort alla dagar kl. 8–21, och bemannat lördagar kl. 11–15 med läxhjälp.',
        updates: [
          'Tekniken för meröppet är beställd.',
          'Bemannade lördagar är igång sedan två veckor, med läxhjälp från frivilliga.',
        ],
      },
    ],
    comments: [
      {
        email: 'emma.larsson@example.se',
        body: 'Gäller meröppet även för oss under 18?',
        replies: [
          {
            email: 'leila.karimi@example.se',
            body: 'Från 15 år, med vårdnadshavares godkännande.',
          },
        ],
      },
      {
        email: 'samir.abdi@example.se',
        body: 'Fint! Vi kan tipsa våra deltagare om att söka jobb där på lördagarna.',
      },
    ],
  },
  {
    title: 'Vi vill ha en skatepark i Solhaga',
    description:
      'Det finns ingen skatepark i hela Sjöhamn. Vi som åker skateboard, kickbike och BMX håller till på parkeringen vid Solhaga skola, där vi blir bortkörda av vaktmästaren och där det är farligt med bilarna.\n\nVi är ett trettiotal unga som har gjort en namninsamling och ritat en skiss. Det finns en grusplan bakom fritidsgården som ingen använder. **Låt oss vara med och designa parken!**',
    categorySlug: 'culture-leisure',
    areaSlug: 'solhaga',
    posterEmail: 'emma.larsson@example.se',
    status: 'in_progress',
    ageDays: 200,
    solutions: [],
    pledges: [
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kultur-och-fritidsforvaltningen',
        plan: 'Vi bygger en skatepark bakom Solhaga fritidsgård, med unga som medskapare i designen. Finansiering via medborgarbudgeten och ett statligt bidrag.',
        updates: [
          'Tre workshoppar med 45 unga är genomförda och ritningen är klar.',
          'Byggstart i april, invigning planerad i juni.',
        ],
      },
      {
        email: 'andres.morales@example.se',
        plan: 'Jag och några andra föräldrar bygger tillfälliga ramper och lådor på grusplanen som de unga kan använda tills parken är klar.',
        updates: ['Två ramper står nu på grusplanen.'],
      },
    ],
    comments: [
      {
        email: 'magnus.karlsson@example.se',
        body: 'Hoppas det inte blir stök och oväsen på kvällarna.',
        replies: [
          {
            email: 'emma.larsson@example.se',
            body: 'Vi vill ha belysning som släcks kl. 22. Det står i vårt förslag.',
          },
        ],
      },
      {
        email: 'lars.eriksson@example.se',
        body: 'Grymt engagemang! Sjöhamns IF hjälper gärna till vid invigningen.',
      },
    ],
  },
  {
    title: 'Unga band har ingenstans att repa',
    description:
      'Magasinet har fyra replokaler och en kö på **över 40 band och artister**, de flesta mellan 14 och 22 år. Kulturskolans lokaler används bara dagtid, och fritidsgårdarna har ingen ljudisolerad plats. Många slutar spela för att de inte har någonstans att vara.\n\nVi söker lokaler som kan byggas om till replokaler – källare, gamla lager, tomma skolsalar – och partner som kan hjälpa till med ljudisolering och utrustning.',
    categorySlug: 'culture-leisure',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'oskar.nilsson@example.se',
    organisationSlug: 'kulturforeningen-magasinet',
    status: 'open',
    ageDays: 65,
    solutions: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        body: 'Vi har ett tomt kontorsplan ovanför lagret i Industriområdet Nord, utan grannar som kan störas. Kom och titta – hyran kan vi prata om.',
      },
    ],
    pledges: [],
    comments: [
      { email: 'emma.larsson@example.se', body: 'Mitt band har stått i kö i ett år.' },
      {
        email: 'sofia.andersson@example.se',
        body: 'Industriområdet är helt dött på kvällarna, perfekt för musik.',
      },
    ],
  },
  {
    title: 'Konstgräsplanen på Ekbackens IP räcker inte till alla lag',
    description:
      'Sjöhamns IF har 38 fotbollslag men bara en konstgräsplan som går att använda från oktober till april. Det betyder att de yngsta lagen tränar 45 minuter i veckan, sent på kvällen, och att flicklagen ofta får de sämsta tiderna. I vintras fick vi säga nej till 60 barn som ville börja.\n\nVi behöver **en plan till, eller belysning och dränering på gräsplanen**, så att den kan användas längre in på hösten.',
    categorySlug: 'culture-leisure',
    areaSlug: 'ekbacken',
    posterEmail: 'lars.eriksson@example.se',
    organisationSlug: 'sjohamns-if',
    status: 'open',
    ageDays: 80,
    solutions: [
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kultur-och-fritidsforvaltningen',
        body: 'Vi kan se över fördelningen av tider och ge flicklagen förtur till de tidiga passen redan i höst. En ny konstgräsplan finns med i investeringsplanen om tre år.',
      },
      {
        email: 'tomasz.nowak@example.se',
        body: 'Låt de minsta barnen träna på skolgårdarna i Ekbacken på vintern. De behöver ingen fullstor plan.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'sara.gustafsson@example.se',
        body: 'Min dotter spelar i F10 och de tränar kl. 20.15. Det är för sent.',
      },
      {
        email: 'linnea.berg@example.se',
        body: 'Vi andra vill också kunna promenera i området. Inte konstgräs överallt.',
        replies: [
          {
            email: 'lars.eriksson@example.se',
            body: 'Förstår. Vi vill ha den nya planen där grusplanen redan ligger, inte ta mer natur.',
          },
        ],
      },
    ],
  },
  {
    title: 'Utegym längs strandpromenaden',
    description:
      'Strandpromenaden är full av löpare och promenerande, men det finns ingenstans att träna styrka utomhus. Ett enkelt utegym med chinsstång, dipsställning och bänkar skulle användas av alla åldrar, gratis och året runt. Andra kuststäder har byggt sådana och de används hela tiden.\n\nGärna nära badhuset, där det redan finns belysning och toaletter.',
    categorySlug: 'culture-leisure',
    areaSlug: 'strandbaden',
    posterEmail: 'linnea.berg@example.se',
    status: 'solved',
    ageDays: 290,
    solutions: [
      {
        email: 'viktor.hedlund@example.se',
        organisationSlug: 'sjohamns-if',
        body: 'Sjöhamns IF bygger och sköter utegymmet tillsammans med kommunen. Våra friidrottstränare väljer redskap som passar både nybörjare och seniorer, och vi håller gratis introduktionspass på söndagar.',
        accepted: true,
      },
      {
        email: 'nikola.petrovic@example.se',
        body: 'Se till att det finns redskap för rullstolsanvändare också, och ett underlag som går att rulla på hela vägen fram.',
      },
    ],
    pledges: [
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kultur-och-fritidsforvaltningen',
        plan: 'Kultur- och fritidsförvaltningen bekostar och monterar ett utegym vid badhuset i samarbete med Sjöhamns IF.',
        updates: [
          'Platsen är vald, och bygglov behövs inte.',
          'Utegymmet invigdes i maj med 200 besökare.',
        ],
      },
      {
        email: 'viktor.hedlund@example.se',
        organisationSlug: 'sjohamns-if',
        plan: 'Vi håller gratis introduktionspass vid utegymmet varje söndag under det första året.',
        updates: ['Ett tjugotal personer kommer varje söndag.'],
      },
    ],
    comments: [
      {
        email: 'fredrik.olsson@example.se',
        body: 'Används flitigt, även av oss vinterbadare.',
      },
      {
        email: 'maria.svensson@example.se',
        body: 'Kan ni sätta upp en skylt med övningar?',
        replies: [{ email: 'viktor.hedlund@example.se', body: 'Den kommer nästa vecka!' }],
      },
    ],
  },
  {
    title: 'Ingenting att göra för unga i Norrvik efter skolan',
    description:
      'Norrvik har ungefär 300 barn och unga mellan 10 och 18 år, men ingen fritidsgård, ingen idrottshall och sista bussen in till stan går 19.30. Efter skolan sitter många hemma med mobilen eller hänger vid macken.\n\nMin idé är en **mobil fritidsgård** – en buss eller container som kommer till Norrvik två kvällar i veckan – eller att skolans gympasal öppnas för spontanidrott.',
    categorySlug: 'culture-leisure',
    areaSlug: 'norrvik',
    posterEmail: 'ida.soderberg@example.se',
    status: 'open',
    ageDays: 35,
    solutions: [
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kultur-och-fritidsforvaltningen',
        body: 'Vi har en fritidsbuss som i dag åker till Campus och Strandbaden. Vi kan lägga till Norrvik på tisdagar om vi får tillgång till el och toalett vid skolan.',
      },
      {
        email: 'lars.eriksson@example.se',
        organisationSlug: 'sjohamns-if',
        body: 'Sjöhamns IF kan starta spontanfotboll i Norrviks skolas gympasal på fredagskvällar om kommunen öppnar den.',
      },
    ],
    pledges: [],
    comments: [
      { email: 'helena.strom@example.se', body: 'Mina barn skulle älska det.' },
      {
        email: 'jonas.falk@example.se',
        body: 'Bussarna är grundproblemet. Fixa dem, så kan de unga åka till Ekbacken.',
      },
    ],
  },
  {
    title: 'Sillfesten i Fiskeläget behöver en ny scen och fler frivilliga',
    description:
      'Varje midsommar ordnar byalaget sillfest på piren med musik, dans och långbord för 600 personer. Den gamla scenen av lastpallar är utdömd, och vi som har gjort jobbet i tjugo år börjar bli gamla. Utan en ny scen och yngre krafter vet vi inte om festen blir av i år.\n\nVi behöver:\n\n- en scen som kan byggas upp och tas ner på en dag\n- ett tjugotal frivilliga på midsommarafton\n- någon som kan sköta ljudet',
    categorySlug: 'culture-leisure',
    areaSlug: 'fiskelaget',
    posterEmail: 'birgitta.holm@example.se',
    organisationSlug: 'fiskelagets-byalag',
    status: 'solved',
    ageDays: 320,
    solutions: [
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kulturforeningen-magasinet',
        body: 'Kulturföreningen Magasinet tar hand om scenprogrammet och ljudet och tar med sina frivilliga. Vi har gjort liknande festivaler i hamnen i åtta år.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kulturforeningen-magasinet',
        plan: 'Magasinet sköter scenprogram, ljudteknik och frivilliga under sillfesten på midsommarafton.',
        updates: [
          'Tolv frivilliga från Magasinet har anmält sig.',
          'Festen blev av med 750 besökare och fyra band!',
        ],
      },
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        plan: 'Sjöhamns Åkeri lånar ut sin scenvagn – ett släp som fälls ut till en scen – och kör den till piren.',
        updates: ['Scenvagnen stod på plats kl. 9 på midsommarafton.'],
      },
    ],
    comments: [
      { email: 'per-olof.persson@example.se', body: 'Scenvagnen var ett lyft!' },
      { email: 'elsa.martensson@example.se', body: 'Tack alla, vilken fest det blev.' },
      {
        email: 'lennart.akesson@example.se',
        body: 'Nästa år vill jag ha mindre högtalare. Det hördes ända till Norrvik.',
        replies: [{ email: 'birgitta.holm@example.se', body: 'Vi tar med det i planeringen!' }],
      },
    ],
  },
  {
    title: 'För få tider för allmänhetens bad i Ekbackens simhall',
    description:
      'Ekbackens simhall är den enda i kommunen, och den används av skolsim, simklubben, babysim, vattengympa och allmänheten. Allmänhetens bad har i dag bara **tolv timmar i veckan**, och vi får många klagomål.\n\nKultur- och fritidsförvaltningen vill ta fram ett bättre schema tillsammans med dem som använder hallen. Berätta när du helst vill simma och vilka tider du kan tänka dig att dela bassängen. Nuvarande schema finns på https://example.se/kommun/simhallen.',
    categorySlug: 'culture-leisure',
    areaSlug: 'ekbacken',
    posterEmail: 'leila.karimi@example.se',
    organisationSlug: 'kultur-och-fritidsforvaltningen',
    status: 'open',
    ageDays: 18,
    solutions: [
      {
        email: 'sara.gustafsson@example.se',
        body: 'Öppna tidigt på morgonen, kl. 6–8. Då kan vi simma före jobbet, och det krockar inte med skolsimmet.',
      },
      {
        email: 'birgitta.holm@example.se',
        body: 'Dela bassängen: några banor för motionssim medan klubben tränar i de andra. Då räcker tiderna till fler samtidigt.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'tomasz.nowak@example.se',
        body: 'Lördagsförmiddagarna är omöjliga, det är alltid fullt.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Vattengympan för seniorer får inte krympa.',
        replies: [{ email: 'leila.karimi@example.se', body: 'Den kommer vi inte att röra.' }],
      },
    ],
  },
  {
    title: 'Bänkar och en boulebana för seniorerna i Solhaga',
    description:
      'Parken mellan Solhagavägen och seniorboendet har en enda bänk och en gångväg med stora hål. De äldre som bor här vill gärna träffas ute, men det finns ingenstans att sitta och vila på vägen till affären.\n\nEn boulebana, några bänkar med armstöd och en jämn gångväg skulle göra stor skillnad. Pensionärsföreningen lovar att sköta boulebanan.',
    categorySlug: 'culture-leisure',
    areaSlug: 'solhaga',
    posterEmail: 'andres.morales@example.se',
    status: 'open',
    ageDays: 28,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Vi lagar gångvägen i vår och ställer ut fyra parkbänkar med armstöd. Boulebanan kan vi anlägga om pensionärsföreningen tar hand om skötseln.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'fatima.ali@example.se',
        body: 'Flera av mina brukare skulle gå ut mycket mer om det fanns en bänk var hundrade meter.',
      },
      {
        email: 'emma.larsson@example.se',
        body: 'Boule är kul, vi unga spelar gärna också.',
      },
    ],
  },
  {
    title: 'Gör kulturskolan gratis för alla barn',
    description:
      'Kulturskolan kostar 1 200 kronor per termin och ämne. För en familj med tre barn som vill spela instrument blir det snabbt över 7 000 kronor om året. Barn i familjer med små marginaler går miste om musik, dans och teater.\n\nJag föreslår att kulturskolan blir avgiftsfri, som i flera andra kommuner. Det är en fråga om jämlikhet.',
    categorySlug: 'culture-leisure',
    areaSlug: 'centrum',
    posterEmail: 'tomasz.nowak@example.se',
    status: 'closed',
    closedReason:
      'Avgiften för kulturskolan beslutas av kommunfullmäktige i budgeten och kan inte avgöras här. Förslaget har lämnats vidare, och syskonrabatt och avgiftsbefrielse för hushåll med låga inkomster finns redan.',
    ageDays: 260,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'hodan.warsame@example.se',
        body: 'Håller med, många familjer i Ängsgården tackar nej av kostnadsskäl.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Ingenting är gratis. Då blir köerna bara längre.',
        replies: [
          {
            email: 'tomasz.nowak@example.se',
            body: 'Kön är redan lång. Pengarna borde gå till fler lärare.',
          },
        ],
      },
    ],
  },
  {
    title: 'Studentföreningarna har ingen lokal för kvällsevenemang',
    description:
      'Campus har ett tiotal studentföreningar, men universitetet stänger sina lokaler kl. 21 och hyr inte ut till fester eller konserter. Vi får hyra lokal i grannkommunen för sittningar, pubkvällar och spelkvällar. Det blir dyrt, och studenterna lär känna en annan stad i stället för Sjöhamn.\n\nVi söker en lokal för 100–200 personer som kan hyras billigt några kvällar i månaden.',
    categorySlug: 'culture-leisure',
    areaSlug: 'campus',
    posterEmail: 'ahmed.hassan@example.se',
    status: 'in_progress',
    ageDays: 70,
    solutions: [
      {
        email: 'karin.bergstrom@example.se',
        organisationSlug: 'hotell-kajen',
        body: 'Hotell Kajen har en konferenssal för 180 personer som står tom de flesta vardagskvällar. Vi kan erbjuda studentpris.',
      },
    ],
    pledges: [
      {
        email: 'oskar.nilsson@example.se',
        organisationSlug: 'kulturforeningen-magasinet',
        plan: 'Magasinet hyr ut stora scenen till studentföreningar till självkostnadspris på torsdagar, med vår ljudtekniker och bar.',
        updates: [
          'Första pubkvällen hade 150 studenter.',
          'Fem föreningar har bokat kvällar hela terminen.',
        ],
      },
    ],
    comments: [
      {
        email: 'wei.chen@example.se',
        body: 'Bussen hem efter pubkvällen är ett problem igen...',
      },
      { email: 'leila.karimi@example.se', body: 'Så fint att se studenterna i hamnen!' },
    ],
  },
  {
    title: 'De gamla båtbodarna i Fiskeläget förfaller',
    description:
      'Längs stranden i Fiskeläget står fjorton båtbodar från 1800-talet. Många ägare är gamla eller bor på annat håll, och bodarna står med trasiga tak och ruttna syllar. Om ingenting görs de närmaste åren kommer flera att rasa.\n\nJag är snickare och vill starta ett **byggnadsvårdsläger** där ägare, ungdomar och hantverkare lär sig traditionella tekniker och renoverar en bod i taget. Det behövs pengar till material och kanske hjälp från kommunen med bidrag för kulturmiljö.',
    categorySlug: 'culture-leisure',
    areaSlug: 'fiskelaget',
    posterEmail: 'per-olof.persson@example.se',
    status: 'open',
    ageDays: 160,
    solutions: [
      {
        email: 'samir.abdi@example.se',
        organisationSlug: 'arbetsmarknadsforvaltningen',
        body: 'Byggnadsvårdslägret kan bli en del av vår sommarpraktik för unga. Vi står för lönerna till sex ungdomar i fyra veckor.',
      },
      {
        email: 'birgitta.holm@example.se',
        organisationSlug: 'fiskelagets-byalag',
        body: 'Byalaget har kontakt med alla bodägare och kan samla in deras godkännanden, och vi bjuder lägret på sill och kaffe.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'lennart.akesson@example.se',
        body: 'Min bod har ruttna syllar. Jag anmäler mig!',
      },
      { email: 'elsa.martensson@example.se', body: 'Fantastisk idé.' },
    ],
  },
  {
    title: 'Bygg en ishall i Industriområdet Nord',
    description:
      'Närmaste ishall ligger 45 minuter bort. Barn som vill spela hockey eller åka konståkning får skjutsas dit flera gånger i veckan. Det finns stora lediga tomter i Industriområdet Nord, och kylanläggningarna i lagren ger spillvärme som skulle kunna användas.\n\nEn ishall kan också användas för skridskodisco, curling och allmänhetens åkning.',
    categorySlug: 'culture-leisure',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'mehmet.yilmaz@example.se',
    status: 'closed',
    closedReason:
      'En ishall kostar omkring 100 miljoner kronor och finns inte med i kommunens investeringsplan. Kultur- och fritidsförvaltningen spolar i stället en isbana vid Ekbackens IP när vädret tillåter.',
    ageDays: 180,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'lars.eriksson@example.se',
        body: 'Hellre en konstgräsplan till först.',
        replies: [
          {
            email: 'mehmet.yilmaz@example.se',
            body: 'Det säger du bara för att du är fotbollstränare!',
          },
        ],
      },
      {
        email: 'sara.gustafsson@example.se',
        body: 'Synd, men isbanan vid IP:t var fin förra vintern.',
      },
    ],
  },
  {
    title: 'Discgolfbana i Norrviksskogen',
    description:
      'Discgolf har blivit jättepopulärt, och den närmaste banan ligger i grannkommunen. Norrviksskogen har glesa tallar, stigar och en parkering som står tom på helgerna – perfekt för en niohålsbana.\n\nEn bana kostar inte mycket: korgar, utkastplattor och skyltar. Vi är ett gäng som gärna hjälper till att bygga och sköta den.',
    categorySlug: 'culture-leisure',
    areaSlug: 'norrvik',
    posterEmail: 'jonas.falk@example.se',
    status: 'in_progress',
    ageDays: 110,
    solutions: [],
    pledges: [
      {
        email: 'viktor.hedlund@example.se',
        organisationSlug: 'sjohamns-if',
        plan: 'Sjöhamns IF startar en discgolfsektion och bygger en niohålsbana i Norrviksskogen tillsammans med frivilliga, efter godkännande av markägaren.',
        updates: [
          'Kommunen har godkänt banan på sin mark.',
          'Sex korgar är på plats. De sista tre kommer nästa månad.',
        ],
      },
    ],
    comments: [
      {
        email: 'ida.soderberg@example.se',
        body: 'Vi spelade de första sex hålen i helgen. Så kul!',
      },
      {
        email: 'helena.strom@example.se',
        body: 'Tänk på svamp- och bärplockarna, dra inte banan tvärs över stigarna.',
        replies: [
          {
            email: 'viktor.hedlund@example.se',
            body: 'Vi har ritat om hål 4 och 5 så att de inte korsar stigen.',
          },
        ],
      },
    ],
  },
  {
    title: 'Sommarbio på kajen i Gamla hamnen',
    description:
      'Hur härligt vore det inte med utomhusbio på kajen under sommarkvällarna? En stor duk mot Magasinets vägg, folk på filtar och i solstolar, och restaurangerna som säljer mat. Det skulle locka folk från hela stan och ge hamnen liv även på vardagskvällar.\n\nJag har sett det i andra hamnstäder och det är alltid fullt.',
    categorySlug: 'culture-leisure',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'johan.ek@example.se',
    status: 'solved',
    ageDays: 270,
    solutions: [
      {
        email: 'oskar.nilsson@example.se',
        organisationSlug: 'kulturforeningen-magasinet',
        body: 'Magasinet visar sommarbio på kajen varje torsdag i juli. Publiken röstar fram filmerna, och inträdet är gratis.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'oskar.nilsson@example.se',
        organisationSlug: 'kulturforeningen-magasinet',
        plan: 'Magasinet ordnar sommarbio på kajen varje torsdag i juli med gratis inträde.',
        updates: ['Filmerna är valda av publiken.', 'Fyra kvällar med i snitt 300 besökare!'],
      },
      {
        email: 'karin.bergstrom@example.se',
        organisationSlug: 'hotell-kajen',
        plan: 'Hotell Kajen bekostar duk och projektor och lånar ut solstolar från takterrassen.',
        updates: ['Utrustningen är köpt och används även till Magasinets vinterbio.'],
      },
    ],
    comments: [
      { email: 'emma.larsson@example.se', body: 'Bästa sommarkvällarna!' },
      {
        email: 'lennart.akesson@example.se',
        body: 'Ljudet var lite för högt, men annars toppen.',
      },
    ],
  },
]

const skillsJobs: DemoChallenge[] = [
  {
    title: 'Fler sommarjobb för unga mellan 16 och 18 år',
    description:
      'Förra sommaren sökte **1 140 ungdomar** kommunens sommarjobb. Vi kunde erbjuda 420 platser, de flesta inom äldreomsorg och parkskötsel. Ett första sommarjobb är för många unga den första kontakten med arbetslivet – särskilt för dem vars föräldrar inte har egna kontakter.\n\nArbetsmarknadsförvaltningen söker företag och föreningar som kan ta emot ungdomar i tre–fyra veckor. Vi hjälper till med rekrytering, introduktion och en del av lönekostnaden. Anmäl intresse på https://example.se/kommun/sommarjobb.',
    categorySlug: 'skills-jobs',
    areaSlug: 'angsgarden',
    posterEmail: 'samir.abdi@example.se',
    organisationSlug: 'arbetsmarknadsforvaltningen',
    status: 'in_progress',
    ageDays: 150,
    solutions: [
      {
        email: 'lars.eriksson@example.se',
        organisationSlug: 'sjohamns-if',
        body: 'Sjöhamns IF kan ta emot tio ungdomar som ledare på våra sommarläger om kommunen står för lönen. Vi har handledare och färdiga upplägg.',
      },
    ],
    pledges: [
      {
        email: 'karin.bergstrom@example.se',
        organisationSlug: 'hotell-kajen',
        plan: 'Hotell Kajen tar emot sex sommarjobbare i reception, frukost och städ, med en egen handledare för varje ungdom.',
        updates: ['Intervjuerna är klara och sex ungdomar börjar i juni.'],
      },
      {
        email: 'amira.haddad@example.se',
        organisationSlug: 'bageriet-vid-torget',
        plan: 'Bageriet vid Torget tar emot två sommarjobbare i kaféet och bageriet.',
        updates: ['Två ungdomar från Ängsgården börjar i juni.'],
      },
    ],
    comments: [
      {
        email: 'emma.larsson@example.se',
        body: 'Jag sökte förra året men fick inget. Hur väljer ni?',
        replies: [
          {
            email: 'samir.abdi@example.se',
            body: 'Vi lottar bland de sökande men prioriterar dem som inte har haft sommarjobb tidigare.',
          },
        ],
      },
      {
        email: 'erik.johansson@example.se',
        body: 'Centrumföreningen skickar det här till alla medlemmar.',
      },
    ],
  },
  {
    title: 'Studenter hittar inga praktikplatser hos lokala företag',
    description:
      'Många utbildningar på Campus har praktik eller examensarbete ute i arbetslivet. Men de flesta av oss hittar platser i Malmö eller Köpenhamn, inte i Sjöhamn – och sedan flyttar vi dit efter examen. De lokala företagen vet inte att vi finns, och vi vet inte vilka företag som finns här.\n\nEn gemensam plats där företag kan lägga ut praktik och exjobb, och en mässa på Campus varje höst, skulle hjälpa både oss och företagen.',
    categorySlug: 'skills-jobs',
    areaSlug: 'campus',
    posterEmail: 'ahmed.hassan@example.se',
    status: 'solved',
    ageDays: 330,
    solutions: [
      {
        email: 'ebba.lund@example.se',
        organisationSlug: 'fyrljus-it',
        body: 'Fyrljus IT har byggt en enkel praktikportal, https://example.se/praktik-sjohamn, där lokala företag lägger upp praktik och exjobb gratis. Vi tar själva emot fyra praktikanter per termin och ordnar en mingelkväll på Campus varje höst.',
        accepted: true,
      },
      {
        email: 'samir.abdi@example.se',
        organisationSlug: 'arbetsmarknadsforvaltningen',
        body: 'Arbetsmarknadsförvaltningen marknadsför portalen till företagen i vårt nätverk och bjuder in till mingelkvällen.',
      },
    ],
    pledges: [
      {
        email: 'viktor.hedlund@example.se',
        organisationSlug: 'fyrljus-it',
        plan: 'Vi bygger och driver en praktikportal för lokala företag och tar emot fyra praktikanter per termin.',
        updates: [
          'Portalen lanserades med 18 platser.',
          'Första mingelkvällen på Campus: 32 företag och 200 studenter.',
          'Nu finns över 60 praktik- och exjobbsplatser publicerade.',
        ],
      },
    ],
    comments: [
      { email: 'wei.chen@example.se', body: 'Jag fick min praktikplats via portalen!' },
      {
        email: 'karin.bergstrom@example.se',
        body: 'Hotell Kajen har lagt upp två platser inom marknadsföring.',
      },
    ],
  },
  {
    title: 'Åkerierna kan inte anställa – det saknas lastbilschaufförer',
    description:
      'Sjöhamns Åkeri har sex lediga chaufförstjänster och skulle kunna anställa fler. Samma sak gäller de andra åkerierna i Industriområdet Nord. Samtidigt finns det många i Sjöhamn som söker jobb men saknar körkort för tung lastbil, och utbildningen kostar över 60 000 kronor om man gör den privat.\n\nVi vill hitta en väg där arbetssökande kan utbilda sig till chaufför med anställning efteråt. Vi kan erbjuda handledare, praktik och fordon.',
    categorySlug: 'skills-jobs',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'mehmet.yilmaz@example.se',
    organisationSlug: 'sjohamns-akeri',
    status: 'in_progress',
    ageDays: 205,
    solutions: [],
    pledges: [
      {
        email: 'samir.abdi@example.se',
        organisationSlug: 'arbetsmarknadsforvaltningen',
        plan: 'Arbetsmarknadsförvaltningen startar en yrkesutbildning till lastbilschaufför för tolv deltagare tillsammans med vuxenutbildningen, med praktik och anställning hos åkerierna efteråt.',
        updates: [
          'Tolv deltagare är antagna, varav fem kvinnor.',
          'Alla har klarat teoriprovet för C-körkort.',
          'Praktiken hos åkerierna har börjat.',
        ],
      },
    ],
    comments: [
      {
        email: 'sofia.andersson@example.se',
        body: 'Bra att ni tänker på kvinnor också. Jag känner flera som vore intresserade.',
      },
      {
        email: 'daniel.ahmadi@example.se',
        body: 'Kan man söka om man inte har B-körkort än?',
        replies: [
          {
            email: 'mehmet.yilmaz@example.se',
            body: 'B-körkort krävs för att börja, men arbetsmarknadsförvaltningen har ett stöd för det också.',
          },
        ],
      },
    ],
  },
  {
    title: 'Utbildade svetsare från andra länder väntar i åratal på att få jobba',
    description:
      'Jag har två grannar som har arbetat som svetsare i tio år i sina hemländer. Här väntar de på sfi och validering, medan verkstäderna i Industriområdet Nord säger att de inte hittar svetsare. **Det tar över två år** innan de kan börja jobba i sitt yrke.\n\nKan företagen och kommunen göra något tillsammans? Till exempel svetsprov direkt hos företaget, yrkessvenska på arbetsplatsen eller praktik parallellt med sfi.',
    categorySlug: 'skills-jobs',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'sara.gustafsson@example.se',
    status: 'open',
    ageDays: 90,
    solutions: [
      {
        email: 'samir.abdi@example.se',
        organisationSlug: 'arbetsmarknadsforvaltningen',
        body: 'Vi kan ordna ett praktiskt svetsprov hos en verkstad som snabbspår till validering, och kombinera praktik med yrkessvenska på arbetsplatsen. Vi behöver två–tre företag som vill vara med.',
      },
      {
        email: 'sofia.andersson@example.se',
        body: 'Verkstaden där jag jobbar söker svetsare. Jag frågar chefen om vi kan vara med och ta emot någon på svetsprov.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'zeynep.demir@example.se',
        body: 'Samma problem med frisörer. Jag har väntat ett år på att kunna anställa en duktig frisör.',
      },
      {
        email: 'mehmet.yilmaz@example.se',
        body: 'Vi har gjort så med mekaniker och det gick bra. Det handlar mest om att någon tar första steget.',
      },
    ],
  },
  {
    title: 'Restaurangerna i hamnen hittar inga kockar',
    description:
      'Hotell Kajen och restaurangerna i Gamla hamnen söker tillsammans **fjorton kockar** inför sommaren. Det finns inte längre något restaurangprogram på gymnasiet i Sjöhamn, och de som utbildar sig i grannkommunerna stannar där.\n\nVi vill starta en lärlingsutbildning eller en kort yrkesutbildning för vuxna, där eleverna är ute på restaurangerna halva tiden. Vi kan ta emot lärlingar och stå för handledningen.',
    categorySlug: 'skills-jobs',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'karin.bergstrom@example.se',
    organisationSlug: 'hotell-kajen',
    status: 'open',
    ageDays: 40,
    solutions: [
      {
        email: 'samir.abdi@example.se',
        organisationSlug: 'arbetsmarknadsforvaltningen',
        body: 'Vuxenutbildningen kan starta en lärlingsutbildning till kock om minst fyra arbetsplatser tar emot lärlingar. Den första gruppen kan börja till våren.',
      },
      {
        email: 'amira.haddad@example.se',
        organisationSlug: 'bageriet-vid-torget',
        body: 'Bageriet vid Torget kan ta emot en lärling inom bageri och konditori i samma upplägg, med start redan i höst.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'johan.ek@example.se',
        body: 'Höj lönerna, så kommer kockarna.',
        replies: [
          {
            email: 'karin.bergstrom@example.se',
            body: 'Lönen är en del av det, men vi kan inte anställa folk som inte finns.',
          },
        ],
      },
    ],
  },
  {
    title: 'Hantverkarna går i pension och ingen tar över',
    description:
      'I Fiskeläget och Norrvik finns många små hantverksföretag: snickare, plåtslagare, målare och murare. Många av oss är över 60 och har ingen som tar över. Unga vill gärna jobba med händerna, men det är svårt för oss att ta emot lärlingar: pappersarbetet, försäkringarna och tiden för handledning.\n\nEtt gemensamt lärlingsprogram för småföretag, där kommunen hjälper till med administrationen, skulle göra att fler av oss vågar ta emot unga.',
    categorySlug: 'skills-jobs',
    areaSlug: 'fiskelaget',
    posterEmail: 'per-olof.persson@example.se',
    status: 'open',
    ageDays: 100,
    solutions: [
      {
        email: 'birgitta.holm@example.se',
        body: 'Låt gymnasiets byggprogram göra sin praktik hos småföretagen, inte bara hos de stora byggföretagen.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'lennart.akesson@example.se',
        body: 'Det är redan svårt att få tag på en snickare.',
      },
      {
        email: 'emma.larsson@example.se',
        body: 'Jag skulle vilja bli snickare men vet inte hur man kommer in.',
        replies: [
          {
            email: 'per-olof.persson@example.se',
            body: 'Hör av dig! Du kan följa med mig en vecka och se hur det är.',
          },
        ],
      },
    ],
  },
  {
    title: 'Feriepraktik i föreningslivet, inte bara i kommunen',
    description:
      'Många unga vill ha sommarjobb, och många föreningar skulle behöva extra händer på sommaren: sommarläger, fotbollsskola, skötsel av anläggningar. I dag kan feriepraktik bara göras inom kommunens egna verksamheter.\n\nSjöhamns IF vill kunna ta emot feriepraktikanter som ledare på vår fotbollsskola. Vi har utbildade handledare, och alla ledare har lämnat utdrag ur belastningsregistret.',
    categorySlug: 'skills-jobs',
    areaSlug: 'ekbacken',
    posterEmail: 'lars.eriksson@example.se',
    organisationSlug: 'sjohamns-if',
    status: 'solved',
    ageDays: 280,
    solutions: [
      {
        email: 'samir.abdi@example.se',
        organisationSlug: 'arbetsmarknadsforvaltningen',
        body: 'Från i sommar kan föreningar ta emot feriepraktikanter. Arbetsmarknadsförvaltningen betalar lönen och föreningen står för handledningen. Villkor och ansökan finns på https://example.se/kommun/feriepraktik-foreningar.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'samir.abdi@example.se',
        organisationSlug: 'arbetsmarknadsforvaltningen',
        plan: 'Vi öppnar feriepraktiken för föreningslivet, med lön från kommunen och ett introduktionspass för handledarna.',
        updates: [
          'Åtta föreningar har anmält 46 platser.',
          'Sommaren är slut: 44 ungdomar gjorde feriepraktik i föreningar, varav 16 i Sjöhamns IF.',
        ],
      },
    ],
    comments: [
      { email: 'oskar.nilsson@example.se', body: 'Magasinet vill också vara med nästa år!' },
      {
        email: 'emma.larsson@example.se',
        body: 'Jag var ledare på fotbollsskolan. Bästa sommarjobbet hittills.',
      },
    ],
  },
  {
    title: 'Läxhjälp och mentorer för högstadieelever i Solhaga',
    description:
      'Jag är pensionerad lärare och ser hur många högstadieelever i Solhaga går ut nian utan behörighet till gymnasiet, trots att de är smarta och vill. Många har föräldrar som inte kan hjälpa till med svenska eller matte.\n\nVi är flera pensionärer som gärna ställer upp som läxhjälpare och mentorer en eftermiddag i veckan. Det vi saknar är **en lokal**, någon som samordnar och en kontakt med skolan.',
    categorySlug: 'skills-jobs',
    areaSlug: 'solhaga',
    posterEmail: 'birgitta.holm@example.se',
    status: 'open',
    ageDays: 55,
    solutions: [
      {
        email: 'hodan.warsame@example.se',
        body: 'Läxhjälpen på Ängsgårdens bibliotek fungerar bra. Vi delar gärna vårt upplägg och vårt material.',
      },
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        body: 'Kustbo kan låna ut lokalen vid Solhaga torg två eftermiddagar i veckan utan kostnad.',
      },
    ],
    pledges: [],
    comments: [
      { email: 'fatima.ali@example.se', body: 'Min son skulle behöva det i matte!' },
      {
        email: 'ahmed.hassan@example.se',
        body: 'Vi studenter kan också vara med, särskilt i matte och NO.',
      },
    ],
  },
  {
    title: 'Starta en yrkeshögskoleutbildning i marin teknik i Sjöhamn',
    description:
      'Sjöhamn har en hamn, ett varv, forskning i marinbiologi och flera företag som jobbar med havsmiljö. Men det finns ingen eftergymnasial utbildning som knyter ihop det. En yrkeshögskoleutbildning i marin teknik – båtmotorer, elektronik, undervattensteknik – skulle ge kompetens som företagen efterfrågar och locka unga till staden.',
    categorySlug: 'skills-jobs',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'lennart.akesson@example.se',
    status: 'closed',
    closedReason:
      'Yrkeshögskoleutbildningar beviljas av staten efter ansökan från en utbildningsanordnare, och ansökan som kommunen stöttade fick avslag i år. Kommunen stöttar en ny ansökan i nästa omgång och följer upp frågan i näringslivsrådet.',
    ageDays: 230,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'per-olof.persson@example.se',
        body: 'Varvet letar alltid efter båtmekaniker.',
      },
      { email: 'karin.bergstrom@example.se', body: 'Synd! Hoppas det går nästa gång.' },
    ],
  },
  {
    title: 'Gårdarna i Norrvik behöver säsongsarbetare men hittar inga',
    description:
      'Under skörden från juli till oktober behöver vi på gårdarna runt Norrvik ett fyrtiotal extra personer. Tidigare kom många från andra länder, men nu är det svårt att få folk. Samtidigt finns det unga och arbetssökande i Sjöhamn som kanske skulle vilja jobba hos oss, men de vet inte om oss och det är svårt att ta sig ut utan bil.\n\nVi kan erbjuda lön enligt avtal, mat och arbete utomhus. Vad skulle få dig att söka?',
    categorySlug: 'skills-jobs',
    areaSlug: 'norrvik',
    posterEmail: 'gunnar.wikstrom@example.se',
    status: 'open',
    ageDays: 75,
    solutions: [
      {
        email: 'ida.soderberg@example.se',
        body: 'Ordna en gemensam skjuts från stationen varje morgon, så kan fler åka ut. Gårdarna kan turas om att köra minibussen.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'ahmed.hassan@example.se',
        body: 'Studenter jobbar gärna i augusti, innan terminen börjar.',
      },
      {
        email: 'emma.larsson@example.se',
        body: 'Vad är lönen?',
        replies: [
          {
            email: 'gunnar.wikstrom@example.se',
            body: 'Avtalslön, för en 18-åring ungefär 130 kronor i timmen.',
          },
        ],
      },
    ],
  },
  {
    title: 'Unga i Solhaga saknar kontakter för sitt första jobb',
    description:
      'Min son är 17 och har sökt över trettio extrajobb utan att få ett enda svar. Hans kompisar i Solhaga har det likadant. Många jobb får man genom kontakter, och de kontakterna har inte alla familjer här.\n\nJag önskar att företagen i Sjöhamn öppnade sina dörrar: jobbskuggning, prao, helgjobb. Det behöver inte vara stort – bara en första rad på CV:t och en referens.',
    categorySlug: 'skills-jobs',
    areaSlug: 'solhaga',
    posterEmail: 'fatima.ali@example.se',
    status: 'in_progress',
    ageDays: 60,
    solutions: [
      {
        email: 'erik.johansson@example.se',
        organisationSlug: 'centrumforeningen-sjohamn',
        body: 'Centrumföreningen kan ordna en **öppen dörr-dag** när butikerna på Storgatan tar emot unga för en dags jobbskuggning.',
      },
    ],
    pledges: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        plan: 'Kustbo erbjuder tio helg- och sommarjobb inom fastighetsskötsel och städning för unga som bor i våra områden, med en fastighetsskötare som handledare.',
        updates: [
          '34 unga sökte och tio har börjat.',
          'Efter tre månader har två fått fortsatt anställning på timmar.',
        ],
      },
    ],
    comments: [
      { email: 'andres.morales@example.se', body: 'Bra! Min dotter var på intervju.' },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Lär dem skriva ett ordentligt personligt brev också.',
      },
    ],
  },
  {
    title: 'Körkortet stänger dörren till många jobb',
    description:
      'Nästan varannan platsannons i Sjöhamn kräver B-körkort, även för jobb inom hemtjänst, bygg och lager. Ett körkort kostar i dag 20 000–30 000 kronor med trafikskola, och många unga och nyanlända har inte råd.\n\nKan kommunen och arbetsgivarna hjälpa till? Till exempel med körkortslån, att företagen betalar en del mot att man stannar, eller övningskörning med volontärer.',
    categorySlug: 'skills-jobs',
    areaSlug: 'ekbacken',
    posterEmail: 'tomasz.nowak@example.se',
    status: 'open',
    ageDays: 125,
    solutions: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        body: 'Vi betalar körkortet för anställda som stannar minst ett år. Fler arbetsgivare borde göra samma sak.',
      },
      {
        email: 'samir.abdi@example.se',
        organisationSlug: 'arbetsmarknadsforvaltningen',
        body: 'Arbetsmarknadsförvaltningen har ett körkortsstöd för den som är inskriven hos oss. Läs mer på https://example.se/kommun/korkortsstod.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'sara.gustafsson@example.se',
        body: 'Min dotter fick körkortet betalt av sin arbetsgivare i hemtjänsten, så det finns.',
      },
      {
        email: 'linnea.berg@example.se',
        body: 'Bättre kollektivtrafik skulle göra körkortet mindre nödvändigt.',
      },
    ],
  },
  {
    title: 'Kvinnor i Ängsgården vill starta företag men saknar nätverk',
    description:
      'Vi är en grupp på femton kvinnor i Ängsgården som vill starta eget: catering, sömnad, barnpassning och skönhetsvård. Vi har idéerna och kunskapen men vet inte hur man registrerar ett företag, gör en budget eller hittar kunder. Informationen på nätet är svår att förstå för den som inte har svenska som modersmål.\n\nVi önskar **mentorer från etablerade företag** och en plats där vi kan träffas regelbundet.',
    categorySlug: 'skills-jobs',
    areaSlug: 'angsgarden',
    posterEmail: 'hodan.warsame@example.se',
    status: 'in_progress',
    ageDays: 85,
    solutions: [
      {
        email: 'samir.abdi@example.se',
        organisationSlug: 'arbetsmarknadsforvaltningen',
        body: 'Vi kan ordna en starta eget-kurs på arabiska, somaliska och svenska på Ängsgårdens bibliotek.',
      },
    ],
    pledges: [
      {
        email: 'amira.haddad@example.se',
        organisationSlug: 'centrumforeningen-sjohamn',
        plan: 'Centrumföreningen matchar varje kvinna i gruppen med en mentor bland medlemsföretagen under ett halvår och bjuder in gruppen till våra frukostmöten.',
        updates: [
          'Tretton mentorer är matchade.',
          'Två i gruppen har registrerat företag och säljer på lördagstorget.',
        ],
      },
    ],
    comments: [
      {
        email: 'zeynep.demir@example.se',
        body: 'Jag är gärna mentor. Jag startade min salong från noll.',
      },
      { email: 'daniel.ahmadi@example.se', body: 'Bra initiativ!' },
    ],
  },
  {
    title: 'IT-företagen i Sjöhamn hittar inte utvecklare',
    description:
      'Fyrljus IT och flera andra företag på Campus har tillsammans ett trettiotal lediga tjänster som utvecklare. Studenterna på Campus får jobb i Malmö innan de har tagit examen, och erfarna utvecklare tycker att Sjöhamn är för litet.\n\nVi vill göra Sjöhamn till en plats där utvecklare vill bo och jobba:\n\n- gemensam marknadsföring av techjobben i Sjöhamn\n- omskolning för vuxna, till exempel en kort utbildning i programmering\n- coworking i centrum för dem som jobbar på distans',
    categorySlug: 'skills-jobs',
    areaSlug: 'campus',
    posterEmail: 'viktor.hedlund@example.se',
    organisationSlug: 'fyrljus-it',
    status: 'open',
    ageDays: 105,
    solutions: [
      {
        email: 'samir.abdi@example.se',
        organisationSlug: 'arbetsmarknadsforvaltningen',
        body: 'Vi kan köpa in en intensivutbildning i webbutveckling för arbetssökande, om företagen lovar att ta emot praktikanter.',
      },
      {
        email: 'ahmed.hassan@example.se',
        body: 'Erbjud deltidsjobb under studietiden, så stannar vi efter examen. Den som redan har en arbetsplats här flyttar inte.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'erik.johansson@example.se',
        body: 'Coworking i en av de tomma butikerna på Storgatan?',
        replies: [{ email: 'viktor.hedlund@example.se', body: 'Gärna! Det kan vi prata om.' }],
      },
    ],
  },
  {
    title: 'Ingen badvakt vid Strandbaden – unga kan utbildas till livräddare',
    description:
      'Strandbaden har över tusen badande på varma dagar men badvakter bara på helgerna i juli. Samtidigt söker många unga sommarjobb. Om kommunen utbildade ett tjugotal ungdomar till badvakter varje vår skulle vi få en säkrare strand och fler sommarjobb på en gång.\n\nUtbildningen tar några helger och kan göras i simhallen under våren.',
    categorySlug: 'skills-jobs',
    areaSlug: 'strandbaden',
    posterEmail: 'fredrik.olsson@example.se',
    status: 'solved',
    ageDays: 300,
    solutions: [
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kultur-och-fritidsforvaltningen',
        body: 'Kultur- och fritidsförvaltningen utbildar 24 ungdomar till badvakter i maj och anställer dem som sommarjobbare. Det finns nu badvakter vid Strandbaden varje dag kl. 10–18 från midsommar till mitten av augusti.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kultur-och-fritidsforvaltningen',
        plan: 'Vi utbildar och anställer unga badvakter vid Strandbaden, varje dag från midsommar till mitten av augusti.',
        updates: [
          '24 ungdomar har klarat livräddarutbildningen.',
          'Badvakterna är på plats och har redan gjort tre räddningsinsatser.',
        ],
      },
    ],
    comments: [
      {
        email: 'maria.svensson@example.se',
        body: 'Så mycket tryggare att vara där med barnen nu.',
      },
      {
        email: 'emma.larsson@example.se',
        body: 'Jag var en av badvakterna. Rekommenderas!',
      },
    ],
  },
]

const digitalServices: DemoChallenge[] = [
  {
    title: 'Bygglovsansökan går inte att göra i mobilen',
    description:
      'Jag skulle söka bygglov för att byta tak på en båtbod. E-tjänsten på kommunens webbplats fungerar inte i mobilen: knappen ”Bifoga ritning” syns inte, sidan laddas om och allt jag har skrivit försvinner. Till slut fick jag låna en dator på biblioteket.\n\nMånga äldre i Fiskeläget har bara mobil eller surfplatta. **E-tjänster måste fungera i mobilen.** Kan ni testa dem med riktiga användare?',
    categorySlug: 'digital-services',
    areaSlug: 'fiskelaget',
    posterEmail: 'per-olof.persson@example.se',
    status: 'in_progress',
    ageDays: 100,
    solutions: [
      {
        email: 'ebba.lund@example.se',
        organisationSlug: 'fyrljus-it',
        body: 'Ett snabbt tips innan den nya plattformen är klar: lägg till en länk för att skicka bilagor med e-post. Det tar en dag att fixa och hjälper många direkt.',
      },
    ],
    pledges: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        plan: 'Vi byter till en ny, mobilanpassad e-tjänst för bygglov och testar den med minst tio invånare före lanseringen.',
        updates: [
          'Upphandlingen är klar.',
          'Användartester med tolv personer, bland annat från Fiskelägets Byalag.',
        ],
      },
    ],
    comments: [
      {
        email: 'birgitta.holm@example.se',
        body: 'Jag ställer gärna upp som testare.',
      },
      {
        email: 'lennart.akesson@example.se',
        body: 'Samma problem när jag skulle söka för min brygga.',
      },
    ],
  },
  {
    title: 'Bokningen av idrottshallar fungerar inte för föreningarnas ledare',
    description:
      'För att boka en idrottshall måste man logga in med e-legitimation på en dator, och bara föreningens kontaktperson kan boka. Våra 120 ideella ledare kan inte se lediga tider eller byta en träning själva. Resultatet är att allt går via mig och mejl, och många tider står tomma.\n\nVi vill kunna:\n\n- ge flera ledare behörighet\n- se lediga tider i mobilen utan att logga in\n- lämna tillbaka tider som inte används',
    categorySlug: 'digital-services',
    areaSlug: 'ekbacken',
    posterEmail: 'lars.eriksson@example.se',
    organisationSlug: 'sjohamns-if',
    status: 'open',
    ageDays: 45,
    solutions: [
      {
        email: 'ebba.lund@example.se',
        organisationSlug: 'fyrljus-it',
        body: 'Bokningssystemet har ett öppet API. Som ett första steg kan vi göra en enkel mobilvy som visar lediga tider utan inloggning.',
      },
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kultur-och-fritidsforvaltningen',
        body: 'Vi ska uppgradera bokningssystemet i höst och tar med era önskemål i kravspecifikationen. Flera behöriga per förening finns med redan.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'sara.gustafsson@example.se',
        body: 'Som ledare i handbollen håller jag med om allt.',
      },
    ],
  },
  {
    title: 'Kommunens öppna data är svåra att hitta och sällan uppdaterade',
    description:
      'Vi vill bygga tjänster som hjälper invånarna: lediga parkeringar, badvattentemperatur, bussar i realtid och felanmälningar. Men kommunens öppna data är utspridda på olika webbplatser, ofta som pdf, och en del har inte uppdaterats på flera år.\n\nVi föreslår en **gemensam dataportal** med maskinläsbara format, öppen licens och en förteckning över vilka data som finns. Det skulle gynna både företag, studenter och kommunen själv.',
    categorySlug: 'digital-services',
    areaSlug: 'campus',
    posterEmail: 'viktor.hedlund@example.se',
    organisationSlug: 'fyrljus-it',
    status: 'open',
    ageDays: 130,
    solutions: [
      {
        email: 'wei.chen@example.se',
        body: 'Börja med de data som efterfrågas mest, och fråga användarna här på Utmana! Allt behöver inte vara perfekt från start.',
      },
      {
        email: 'ingrid.dahl@example.se',
        organisationSlug: 'miljoforvaltningen',
        body: 'Miljöförvaltningen kan publicera mätdata för luft och badvatten som öppna data redan i vår.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'ahmed.hassan@example.se',
        body: 'Vi gör ett skolprojekt och hade behövt parkeringsdata.',
      },
      {
        email: 'goran.sjoberg@example.se',
        body: 'Stadsbyggnad har trafikdata som vi kan öppna. Vi behöver hjälp att prioritera.',
      },
    ],
  },
  {
    title: 'Inget gratis wifi för besökare i Gamla hamnen',
    description:
      'Turisterna i Gamla hamnen står och letar efter nät för att hitta restauranger, boka båtturer eller ladda ner färjebiljetter. Mobiltäckningen är svag mellan de gamla stenhusen.\n\nEtt öppet wifi längs kajen skulle göra det lättare för besökarna och ge restaurangerna fler gäster. Det behöver inte vara snabbt, bara stabilt och utan krånglig inloggning.',
    categorySlug: 'digital-services',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'johan.ek@example.se',
    status: 'solved',
    ageDays: 235,
    solutions: [
      {
        email: 'karin.bergstrom@example.se',
        organisationSlug: 'hotell-kajen',
        body: 'Hotell Kajen öppnar ett gästnät längs kajen med tre extra antenner på vår fasad. Det är gratis, kräver ingen inloggning och har en startsida med tips om hamnen och centrum.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'karin.bergstrom@example.se',
        organisationSlug: 'hotell-kajen',
        plan: 'Vi sätter upp antenner på hotellets fasad och öppnar ett gratis gästnät längs kajen.',
        updates: [
          'Antennerna är uppe.',
          'Över 3 000 unika besökare använde nätet den första månaden.',
        ],
      },
    ],
    comments: [
      {
        email: 'oskar.nilsson@example.se',
        body: 'Når det fram till Magasinet också?',
        replies: [
          {
            email: 'karin.bergstrom@example.se',
            body: 'Ja, ända fram till Magasinets entré.',
          },
        ],
      },
      {
        email: 'lennart.akesson@example.se',
        body: 'Behövs det verkligen? Alla har väl mobildata.',
      },
    ],
  },
  {
    title: 'Många äldre i Solhaga behöver hjälp med e-legitimation och e-tjänster',
    description:
      'På Solhaga bibliotek kommer det varje dag äldre som behöver hjälp att skaffa e-legitimation, boka tid i vården, betala räkningar eller logga in på banken. Personalen hinner inte hjälpa alla, och många skäms för att fråga.\n\nVi vill starta en **digital hjälpverksamhet** med fasta tider, där frivilliga hjälper till i lugn och ro. Vi behöver frivilliga, en trivsam miljö och kanske några surfplattor att låna ut.',
    categorySlug: 'digital-services',
    areaSlug: 'solhaga',
    posterEmail: 'leila.karimi@example.se',
    organisationSlug: 'kultur-och-fritidsforvaltningen',
    status: 'in_progress',
    ageDays: 80,
    solutions: [],
    pledges: [
      {
        email: 'amira.haddad@example.se',
        organisationSlug: 'bageriet-vid-torget',
        plan: 'Bageriet vid Torget bjuder på kaffe och bullar när den digitala hjälpen träffas varje tisdag, så att det blir en trevlig träffpunkt.',
        updates: ['Första ”digitala fikat” hade 18 besökare.'],
      },
      {
        email: 'ahmed.hassan@example.se',
        plan: 'Jag och fem andra studenter från datavetenskap är frivilliga hjälpare varannan tisdag.',
        updates: ['Vi har hjälpt ett fyrtiotal personer med e-legitimation hittills.'],
      },
    ],
    comments: [
      { email: 'fatima.ali@example.se', body: 'Jag tipsar mina brukare om det här!' },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Se upp för bedragare som utger sig för att hjälpa äldre. Bra att det sker på biblioteket.',
      },
    ],
  },
  {
    title: 'Gårdarna utanför Norrvik har fortfarande inget bredband',
    description:
      'Fibern drogs till Norrviks by för några år sedan men stannade vid byns gräns. De tjugotvå gårdarna utanför har mobilt bredband som försvinner när det regnar. Det gör det svårt att driva företag, sälja på nätet, ha barn som pluggar på distans och använda moderna maskiner.\n\nVi är beredda att gräva själva om någon hjälper oss med planering och bidragsansökan.',
    categorySlug: 'digital-services',
    areaSlug: 'norrvik',
    posterEmail: 'gunnar.wikstrom@example.se',
    status: 'open',
    ageDays: 150,
    solutions: [
      {
        email: 'viktor.hedlund@example.se',
        organisationSlug: 'fyrljus-it',
        body: 'En fiberförening är ofta vägen. Fyrljus IT hjälper gärna till med den tekniska planeringen utan kostnad.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'helena.strom@example.se',
        body: 'Vi bor precis utanför gränsen och har samma problem.',
      },
      {
        email: 'ida.soderberg@example.se',
        body: 'Finns det inget statligt stöd för det här?',
        replies: [
          {
            email: 'gunnar.wikstrom@example.se',
            body: 'Jo, men ansökan är krånglig. Därför behöver vi hjälp.',
          },
        ],
      },
    ],
  },
  {
    title: 'Skolans app för frånvaroanmälan kraschar varje morgon',
    description:
      'Varje morgon mellan kl. 7.30 och 8 kraschar appen som vi föräldrar ska använda för att anmäla frånvaro. Det går inte att ringa heller, eftersom telefonlinjen är nedlagd. Förra veckan fick jag sms om ogiltig frånvaro för mitt sjuka barn, trots att jag försökt anmäla tre gånger.\n\nDet borde finnas ett alternativ som alltid fungerar, till exempel sms eller ett enkelt webbformulär.',
    categorySlug: 'digital-services',
    areaSlug: 'ekbacken',
    posterEmail: 'linnea.berg@example.se',
    status: 'open',
    ageDays: 10,
    solutions: [
      {
        email: 'ebba.lund@example.se',
        body: 'Ett sms-nummer som reserv är billigt och kräver ingen app. Många kommuner har det redan.',
      },
    ],
    pledges: [],
    comments: [
      { email: 'sara.gustafsson@example.se', body: 'Exakt samma för oss.' },
      {
        email: 'tomasz.nowak@example.se',
        body: 'Appen fungerar bättre på datorn, men vem har tid med det kl. 7.30?',
      },
    ],
  },
  {
    title: 'Badvattenproverna från Strandbaden publiceras en vecka för sent',
    description:
      'I somras badade vi vid Strandbaden en dag då det visade sig att det fanns höga halter av bakterier i vattnet. Resultatet publicerades på kommunens webbplats först sex dagar senare. Flera barn blev magsjuka.\n\nProverna borde publiceras samma dag som svaret kommer, och det borde finnas en skylt eller en app som visar den senaste bedömningen.',
    categorySlug: 'digital-services',
    areaSlug: 'strandbaden',
    posterEmail: 'maria.svensson@example.se',
    status: 'solved',
    ageDays: 355,
    solutions: [
      {
        email: 'ingrid.dahl@example.se',
        organisationSlug: 'miljoforvaltningen',
        body: 'Miljöförvaltningen publicerar från och med nu svaren samma dag på https://example.se/kommun/badvatten, och en digital skylt vid entrén visar det senaste provet och varnar vid algblomning.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'ingrid.dahl@example.se',
        organisationSlug: 'miljoforvaltningen',
        plan: 'Vi publicerar badvattenproverna samma dag och sätter upp en digital skylt vid Strandbaden.',
        updates: [
          'Rutinen är ändrad: svaren publiceras inom två timmar.',
          'Den digitala skylten vid entrén är uppe.',
        ],
      },
    ],
    comments: [
      {
        email: 'nikola.petrovic@example.se',
        body: 'Toppen, nu kollar jag alltid innan vi badar.',
      },
      {
        email: 'aino.virtanen@example.se',
        body: 'Skylten kunde också visa vattentemperaturen. Vi har sensorer i viken.',
      },
    ],
  },
  {
    title: 'Felanmälan om trasiga gator kräver inloggning och fem steg',
    description:
      'Industrivägen och Verkstadsgatan är fulla av potthål som är farliga för både cyklister och lastbilar. När jag skulle felanmäla krävdes e-legitimation, fem formulärsidor och en exakt adress. Det fanns ingen karta och inget sätt att bifoga ett foto från mobilen.\n\nFelanmälan borde gå på en minut: **peka på kartan, ta en bild, skicka**. Och man vill få veta när felet är åtgärdat.',
    categorySlug: 'digital-services',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'sofia.andersson@example.se',
    status: 'solved',
    ageDays: 210,
    solutions: [
      {
        email: 'ebba.lund@example.se',
        organisationSlug: 'fyrljus-it',
        body: 'Fyrljus IT har byggt om felanmälan på uppdrag av kommunen: ingen inloggning, karta, foto från mobilen och sms när ärendet är åtgärdat. Testa på https://example.se/kommun/felanmalan.',
        accepted: true,
      },
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Oavsett formuläret lagar vi de värsta hålen på Industrivägen redan nästa vecka, och resten av gatan asfalteras i vår.',
      },
    ],
    pledges: [
      {
        email: 'viktor.hedlund@example.se',
        organisationSlug: 'fyrljus-it',
        plan: 'Vi bygger en ny mobilanpassad felanmälan med karta och foto, utan inloggning, på uppdrag av Stadsbyggnadsförvaltningen.',
        updates: [
          'Första versionen testas av 50 invånare.',
          'Den nya felanmälan är lanserad: 400 anmälningar första månaden, hälften med foto.',
        ],
      },
    ],
    comments: [
      {
        email: 'mehmet.yilmaz@example.se',
        body: 'Det tog 30 sekunder att anmäla hålet vid vår infart. Bra jobbat!',
      },
      {
        email: 'birgitta.holm@example.se',
        body: 'Fungerar det för oss som inte vill använda kartan?',
        replies: [{ email: 'ebba.lund@example.se', body: 'Ja, man kan skriva in adressen också.' }],
      },
    ],
  },
  {
    title: 'Kommunens webbplats går inte att använda med skärmläsare',
    description:
      'Jag är synskadad och använder skärmläsare. På kommunens webbplats har knapparna inga namn, formulären saknar etiketter och menyn går inte att nå med tangentbordet. Jag kan inte boka tid, läsa protokoll eller ansöka om färdtjänst på egen hand.\n\nOffentliga webbplatser ska enligt lag vara tillgängliga. Jag vill att kommunen gör en ordentlig granskning – **tillsammans med oss som använder hjälpmedel**.',
    categorySlug: 'digital-services',
    areaSlug: 'centrum',
    posterEmail: 'elsa.martensson@example.se',
    status: 'in_progress',
    ageDays: 65,
    solutions: [],
    pledges: [
      {
        email: 'viktor.hedlund@example.se',
        organisationSlug: 'fyrljus-it',
        plan: 'Fyrljus IT granskar tillgängligheten på kommunens fem mest använda sidor och e-tjänster, med testpersoner som använder skärmläsare, och åtgärdar de allvarligaste felen.',
        updates: [
          'Granskningen är klar: 63 brister, varav 14 allvarliga.',
          'De 14 allvarligaste är åtgärdade. Menyn fungerar nu med tangentbordet.',
        ],
      },
    ],
    comments: [
      {
        email: 'anna.lindqvist@example.se',
        body: 'Vi får samma frågor på biblioteket hela tiden. Tack för att du lyfter det.',
      },
      {
        email: 'ebba.lund@example.se',
        body: 'Jag har varit med på testerna. Mycket lärorikt för oss utvecklare.',
        replies: [{ email: 'elsa.martensson@example.se', body: 'Tack för att ni lyssnade!' }],
      },
    ],
  },
  {
    title: 'Kommunen borde bygga en egen Sjöhamn-app med allt samlat',
    description:
      'I dag behöver man en app för parkering, en för skolan, en för bussen, en för biblioteket och webbplatsen för resten. Jag vill ha en enda Sjöhamn-app där allt finns samlat: nyheter, felanmälan, bokningar, evenemang och bussar.\n\nDet skulle göra det mycket enklare för alla, särskilt för oss som är nya i stan och inte vet var vi ska leta.',
    categorySlug: 'digital-services',
    areaSlug: 'campus',
    posterEmail: 'wei.chen@example.se',
    status: 'closed',
    closedReason:
      'Kommunen har beslutat att inte bygga egna appar utan mobilanpassade webbtjänster som fungerar i alla telefoner. Behovet av enklare e-tjänster drivs vidare i utmaningarna om bygglov i mobilen och den nya felanmälan.',
    ageDays: 190,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'ebba.lund@example.se',
        body: 'En app till löser inget. Webben räcker om den fungerar.',
        replies: [
          {
            email: 'wei.chen@example.se',
            body: 'Kanske, men en samlad startsida vore ändå fint.',
          },
        ],
      },
    ],
  },
  {
    title: 'Småbutikerna på Storgatan syns inte på nätet',
    description:
      'Hälften av Centrumföreningens medlemsbutiker har ingen webbplats, och många har inte ens rätt öppettider på kartor och i sökmotorer. Kunderna letar på nätet först och åker till de köpcentrum som syns där. Butiksägarna har varken tid eller kunskap att fixa det själva.\n\nVi söker hjälp med:\n\n- en gemensam webbplats med alla butiker och öppettider\n- korta kurser i att använda sociala medier\n- studenter som kan hjälpa butikerna som extrajobb',
    categorySlug: 'digital-services',
    areaSlug: 'centrum',
    posterEmail: 'erik.johansson@example.se',
    organisationSlug: 'centrumforeningen-sjohamn',
    status: 'open',
    ageDays: 120,
    solutions: [
      {
        email: 'ahmed.hassan@example.se',
        body: 'Vi är flera studenter som gärna hjälper butikerna med webb och sociala medier för en rimlig timlön.',
      },
      {
        email: 'ebba.lund@example.se',
        organisationSlug: 'fyrljus-it',
        body: 'Fyrljus IT kan bygga en gemensam sida, till exempel https://example.se/storgatan, där varje butik själv uppdaterar sina öppettider och erbjudanden.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'zeynep.demir@example.se',
        body: 'Samma behov vid Ängsgårdens torg.',
      },
      {
        email: 'anna.lindqvist@example.se',
        body: 'Biblioteket har gratis kurser i sociala medier varje höst.',
      },
    ],
  },
  {
    title: 'Dålig mobiltäckning i Industriområdet Nord stoppar digitala system',
    description:
      'Inne i lagren och på stora delar av Verkstadsgatan är mobiltäckningen så dålig att våra chaufförer inte kan skanna gods eller ta emot nya körorder. Larm och kortterminaler tappar uppkopplingen. Flera företag har fått bygga egna nät.\n\nVi vill att kommunen, operatörerna och företagen hittar en gemensam lösning, till exempel en mast på kommunens mark vid återvinningscentralen.',
    categorySlug: 'digital-services',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'mehmet.yilmaz@example.se',
    organisationSlug: 'sjohamns-akeri',
    status: 'open',
    ageDays: 70,
    solutions: [
      {
        email: 'viktor.hedlund@example.se',
        organisationSlug: 'fyrljus-it',
        body: 'Ett gemensamt privat 5G-nät för området kan bli billigare än att varje företag bygger sitt eget. Vi kan göra en förstudie tillsammans med företagen.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'sofia.andersson@example.se',
        body: 'På min arbetsplats går det inte att ringa inomhus.',
      },
      {
        email: 'goran.sjoberg@example.se',
        body: 'Kommunen kan upplåta mark för en mast. Vi tar kontakt med operatörerna.',
      },
    ],
  },
  {
    title: 'Kommunens blanketter och e-tjänster finns bara på krånglig svenska',
    description:
      'Många i Ängsgården har bott i Sverige i några år och klarar vardagssvenska, men kommunens blanketter och e-tjänster är skrivna på ett svårt myndighetsspråk. Det finns ingen översättning och ingen lättläst version. Kunderna i min salong ber mig ofta om hjälp med ansökningar om förskola eller bostadsanpassning.\n\nSkriv allt på **klarspråk** först, och översätt sedan de vanligaste e-tjänsterna till de största språken.',
    categorySlug: 'digital-services',
    areaSlug: 'angsgarden',
    posterEmail: 'zeynep.demir@example.se',
    status: 'open',
    ageDays: 47,
    solutions: [
      {
        email: 'samir.abdi@example.se',
        organisationSlug: 'arbetsmarknadsforvaltningen',
        body: 'Tills vidare finns samhällsvägledare som talar arabiska, somaliska, dari och tigrinja på Ängsgårdens medborgarkontor varje vardag.',
      },
      {
        email: 'hodan.warsame@example.se',
        body: 'Lättläst svenska först. Det hjälper alla, även de som är födda här och har svårt att förstå myndighetsspråket.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'kristina.nystrom@example.se',
        body: 'Samma sak med våra hyresavtal. Vi har börjat översätta dem.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Bor man i Sverige får man lära sig svenska.',
        replies: [
          {
            email: 'zeynep.demir@example.se',
            body: 'De flesta lär sig, men det tar tid. Förskoleplatsen kan inte vänta.',
          },
        ],
      },
    ],
  },
  {
    title: 'Kön till båtplatser i Fiskelägets hamn sköts med papper och pärmar',
    description:
      'Jag har stått i kö för en båtplats i Fiskelägets hamn i sju år men har ingen aning om var i kön jag står. Kön sköts i en pärm på hamnkontoret, som har öppet två timmar i veckan. Man måste ringa varje år och bekräfta sin plats, annars stryks man.\n\nEn enkel e-tjänst där man ser sin plats i kön, kan bekräfta och får erbjudanden via sms skulle spara tid för alla.',
    categorySlug: 'digital-services',
    areaSlug: 'fiskelaget',
    posterEmail: 'lennart.akesson@example.se',
    status: 'in_progress',
    ageDays: 140,
    solutions: [],
    pledges: [
      {
        email: 'wei.chen@example.se',
        plan: 'Jag och två kurskamrater bygger en digital båtplatskö som projektarbete tillsammans med hamnkontoret. Källkoden blir öppen.',
        updates: [
          'Vi har fått en avidentifierad kölista och byggt en första prototyp.',
          'Hamnkontoret testar prototypen under en månad.',
        ],
      },
    ],
    comments: [
      {
        email: 'birgitta.holm@example.se',
        body: 'Det vore en välsignelse. Pärmen är en kvarleva.',
      },
      {
        email: 'per-olof.persson@example.se',
        body: 'Se till att den som inte har dator fortfarande kan ringa.',
        replies: [
          {
            email: 'wei.chen@example.se',
            body: 'Ja, telefonen finns kvar som alternativ.',
          },
        ],
      },
    ],
  },
]

const safety: DemoChallenge[] = [
  {
    title: 'Trasiga gatlampor i Ekbackens park längs vägen till idrottsplatsen',
    description:
      'Sex av tio gatlampor längs gångvägen genom Ekbackens park har varit släckta sedan oktober. Det är den vägen som hundratals barn går och cyklar till och från träningen på Ekbackens IP. På kvällarna är det kolsvart, och flera föräldrar har slutat låta sina barn gå själva.\n\nVi har felanmält tre gånger utan att få svar.',
    categorySlug: 'safety',
    areaSlug: 'ekbacken',
    posterEmail: 'lars.eriksson@example.se',
    organisationSlug: 'sjohamns-if',
    status: 'solved',
    ageDays: 215,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Kabeln hade skadats vid ledningsarbeten i höstas. Vi har bytt kabeln och satt upp nya LED-armaturer längs hela gångvägen, med rörelsestyrd extra belysning vid tunneln.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        plan: 'Vi felsöker och lagar belysningen längs gångvägen genom Ekbackens park.',
        updates: [
          'Felet är hittat: en skadad kabel.',
          'Ny kabel och tolv nya LED-armaturer är på plats.',
        ],
      },
    ],
    comments: [
      { email: 'sara.gustafsson@example.se', body: 'Äntligen ljus! Tack.' },
      {
        email: 'linnea.berg@example.se',
        body: 'Varför krävdes det ett inlägg här för att något skulle hända?',
        replies: [
          {
            email: 'goran.sjoberg@example.se',
            body: 'Bra fråga. De tidigare felanmälningarna hamnade hos fel entreprenör. Vi har ändrat rutinen.',
          },
        ],
      },
    ],
  },
  {
    title: 'Gångtunneln vid stationen är otrygg på kvällarna',
    description:
      'Gångtunneln under spåren vid stationen är den enda vägen mellan perrongerna och bussterminalen. Den är smal och klottrad, luktar urin och hälften av lysrören är trasiga. När jag kommer hem från kvällspasset kl. 22.30 går jag hellre runt via viadukten, vilket tar tio minuter extra.\n\nJag vet att många kvinnor känner likadant. Tunneln behöver **mer ljus, färg och människor**.',
    categorySlug: 'safety',
    areaSlug: 'centrum',
    posterEmail: 'fatima.ali@example.se',
    status: 'in_progress',
    ageDays: 130,
    solutions: [],
    pledges: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        plan: 'Vi byter belysningen i tunneln till ljus LED, sätter upp speglar vid ingångarna och städar tunneln dagligen.',
        updates: ['Ny belysning och speglar är monterade.'],
      },
      {
        email: 'oskar.nilsson@example.se',
        organisationSlug: 'kulturforeningen-magasinet',
        plan: 'Kulturföreningen Magasinet målar tunnelns väggar tillsammans med unga från fritidsgårdarna, efter förslag som resenärerna röstar om.',
        updates: [
          'Tre förslag finns att rösta på via https://example.org/magasinet/tunneln.',
          'Målningen görs under höstlovet.',
        ],
      },
    ],
    comments: [
      { email: 'emma.larsson@example.se', body: 'Jag vill vara med och måla!' },
      {
        email: 'anna.lindqvist@example.se',
        body: 'Det nya ljuset gör verkligen skillnad redan.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Det blir bara klotter på konsten också.',
        replies: [
          {
            email: 'oskar.nilsson@example.se',
            body: 'Vår erfarenhet är att väggmålningar klottras ner mycket mindre än tomma väggar.',
          },
        ],
      },
    ],
  },
  {
    title: 'Bilarna kör alldeles för fort förbi Havsvindens skola',
    description:
      'Kustvägen förbi Havsvindens skola har 40 km/h, men många kör i 60–70. Övergångsstället saknar både farthinder och blinkande skylt, och i höstas blev en elev i trean påkörd. Som tur var klarade hon sig med ett brutet ben.\n\nVi föräldrar vill ha **30 km/h, farthinder och ett upphöjt övergångsställe** innan något värre händer.',
    categorySlug: 'safety',
    areaSlug: 'strandbaden',
    posterEmail: 'maria.svensson@example.se',
    status: 'open',
    ageDays: 12,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Vi mäter hastigheten i två veckor och sätter upp en tillfällig hastighetsdisplay. Ett upphöjt övergångsställe kan byggas i vår om mätningen visar det vi tror.',
      },
      {
        email: 'nikola.petrovic@example.se',
        body: 'Låt eleverna själva göra skyltar till vägkanten. Det brukar få bilister att sakta ner.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'ingrid.dahl@example.se',
        body: 'Vi bor längs vägen och hör hur fort det går varje morgon.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Farthinder förstör bilarna. Sätt upp en fartkamera i stället.',
        replies: [
          {
            email: 'maria.svensson@example.se',
            body: 'Vad som helst som får ner hastigheten!',
          },
        ],
      },
    ],
  },
  {
    title: 'Mörk och ensam gångväg mellan busshållplatsen och Solhaga',
    description:
      'Från hållplatsen Solhaga norra till bostäderna går man 400 meter längs en gångväg genom ett skogsparti. Där finns två lampor, buskarna har vuxit igen och det går inte att se om någon står längre fram. Många, särskilt ungdomar och kvinnor, går i stället längs bilvägen, som saknar trottoar.\n\nRöj buskarna, sätt upp belysning och gärna en väl upplyst cykelparkering vid hållplatsen.',
    categorySlug: 'safety',
    areaSlug: 'solhaga',
    posterEmail: 'andres.morales@example.se',
    status: 'in_progress',
    ageDays: 95,
    solutions: [],
    pledges: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        plan: 'Vi röjer buskarna tre meter från gångvägen och sätter upp åtta nya belysningsstolpar före vintern.',
        updates: ['Röjningen är klar.', 'Stolparna är beställda, montering i november.'],
      },
    ],
    comments: [
      {
        email: 'fatima.ali@example.se',
        body: 'Jag går där varje kväll efter jobbet. Tack!',
      },
      {
        email: 'emma.larsson@example.se',
        body: 'Det är verkligen läskigt där på vintern.',
      },
      {
        email: 'kristina.nystrom@example.se',
        body: 'Kustbo röjer samtidigt på vår del, närmast husen.',
      },
    ],
  },
  {
    title: 'Mopeder och elsparkcyklar i full fart på gågatan',
    description:
      'På Storgatan, som är gågata, kör mopeder och elsparkcyklar numera i 25–30 km/h mellan fotgängarna, ofta två personer på samma sparkcykel. Flera äldre kunder har blivit påkörda eller nästan påkörda, och en barnvagn välte utanför herrekiperingen förra veckan.\n\nCentrumföreningen vill ha:\n\n- tydligare skyltning vid alla infarter\n- parkeringszoner för hyrsparkcyklarna utanför gågatan\n- fler kontroller på fredags- och lördagskvällar',
    categorySlug: 'safety',
    areaSlug: 'centrum',
    posterEmail: 'erik.johansson@example.se',
    organisationSlug: 'centrumforeningen-sjohamn',
    status: 'open',
    ageDays: 38,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Vi inför fasta parkeringszoner för hyrsparkcyklar vid gågatans fyra infarter och kräver att uthyrarna begränsar hastigheten till 6 km/h på gågatan.',
      },
      {
        email: 'emma.larsson@example.se',
        body: 'Alla unga kör inte så, de flesta av oss kör lugnt. Men en tydlig skylt om gångfart vid infarterna skulle kunna hjälpa.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'birgitta.holm@example.se',
        body: 'Jag har slutat gå på Storgatan på lördagar.',
      },
      {
        email: 'ahmed.hassan@example.se',
        body: 'Sparkcyklarna är det enda sättet för många av oss att ta sig till stationen. Förbjud inte, styr upp.',
        replies: [
          {
            email: 'erik.johansson@example.se',
            body: 'Vi vill inte förbjuda, bara få ordning.',
          },
        ],
      },
    ],
  },
  {
    title: 'Ingen hjärtstartare i hela Fiskeläget',
    description:
      'Förra sommaren fick en äldre man hjärtstopp vid piren. Ambulansen tog 17 minuter, och närmaste hjärtstartare fanns i Gamla hamnen, två kilometer bort. Han överlevde tack vare en sjuksköterska som råkade vara där, men det var tur.\n\nFiskeläget har många äldre boende, badgäster och båtfolk. Vi behöver **minst två hjärtstartare** – vid piren och vid bystugan – och kurser i hjärt-lungräddning.',
    categorySlug: 'safety',
    areaSlug: 'fiskelaget',
    posterEmail: 'birgitta.holm@example.se',
    organisationSlug: 'fiskelagets-byalag',
    status: 'solved',
    ageDays: 275,
    solutions: [
      {
        email: 'karin.bergstrom@example.se',
        organisationSlug: 'hotell-kajen',
        body: 'Hotell Kajen bekostar två hjärtstartare i värmeskåp, vid piren och vid bystugan, och service av dem i fem år. Vår personal håller dessutom en gratis HLR-kurs för byborna.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'karin.bergstrom@example.se',
        organisationSlug: 'hotell-kajen',
        plan: 'Vi köper och installerar två hjärtstartare med värmeskåp och bjuder på en HLR-kurs.',
        updates: [
          'Hjärtstartarna är uppsatta och registrerade i det nationella registret.',
          'HLR-kursen hade 35 deltagare.',
        ],
      },
    ],
    comments: [
      {
        email: 'lennart.akesson@example.se',
        body: 'Tack, Hotell Kajen! Nästa vår tar vi en kurs till.',
      },
      {
        email: 'elsa.martensson@example.se',
        body: 'Hur anmäler man sig till nästa HLR-kurs?',
        replies: [
          {
            email: 'karin.bergstrom@example.se',
            body: 'Anmäl er via byalaget. Vi kör en ny kurs i april.',
          },
        ],
      },
    ],
  },
  {
    title: 'Farligt övergångsställe vid busshållplatsen Campus syd',
    description:
      'Vid hållplatsen Campus syd korsar hundratals studenter Universitetsvägen varje morgon. Övergångsstället ligger precis efter en kurva, bilarna kommer i 50 km/h och bussarna som står vid hållplatsen skymmer sikten. Jag har själv nästan blivit påkörd två gånger.\n\nEtt signalreglerat övergångsställe eller en gångbro skulle göra det säkert.',
    categorySlug: 'safety',
    areaSlug: 'campus',
    posterEmail: 'aino.virtanen@example.se',
    status: 'open',
    ageDays: 48,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Vi utreder att flytta hållplatsen 50 meter så att bussarna inte skymmer övergångsstället, och att sänka hastigheten till 40 km/h.',
      },
      {
        email: 'wei.chen@example.se',
        body: 'En gångbro är dyr. Blinkande lampor i marken vid övergångsstället fungerar bra på många ställen.',
      },
    ],
    pledges: [],
    comments: [
      { email: 'ebba.lund@example.se', body: 'Det är livsfarligt i mörker.' },
      {
        email: 'ahmed.hassan@example.se',
        body: 'Cykelbanan korsar också där, så cyklisterna kommer i hög fart.',
      },
    ],
  },
  {
    title: 'Rondellen vid Industrivägen är livsfarlig för cyklister',
    description:
      'I rondellen vid Industrivägen och Verkstadsgatan möts lastbilar, bussar och alla som cyklar till jobbet. Cykelbanan leds rakt genom rondellen utan egen passage, och lastbilschaufförerna ser inte cyklisterna i döda vinkeln när de svänger höger. I år har det hänt två olyckor.\n\nVi behöver en separat cykelpassage, tydligare markeringar och att åkerierna har utrustning för döda vinkeln.',
    categorySlug: 'safety',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'sofia.andersson@example.se',
    status: 'in_progress',
    ageDays: 88,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Cykelpassagen kan flyttas tio meter ut från rondellen och få en egen signal. Vi har sökt statlig medfinansiering för ombyggnaden.',
      },
    ],
    pledges: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        plan: 'Sjöhamns Åkeri monterar kamerasystem för döda vinkeln på alla 42 lastbilar och utbildar chaufförerna. Vi bjuder in de andra åkerierna att göra samma sak.',
        updates: [
          'Systemen är monterade på 30 av 42 bilar.',
          'Två andra åkerier har beställt samma system.',
        ],
      },
    ],
    comments: [
      {
        email: 'tomasz.nowak@example.se',
        body: 'Tack till åkeriet för att ni tar ansvar!',
      },
    ],
  },
  {
    title: 'Ingen belysning och inget räcke vid kajkanten när det blir mörkt',
    description:
      'När konserterna i Magasinet och restaurangerna i hamnen stänger går hundratals människor längs kajen i mörkret. Kajkanten saknar räcke och belysningen är trasig på långa sträckor. I vintras föll en man i vattnet och klarade sig bara för att några såg det.\n\nVi vill ha belysning längs hela kajen, markerad kant och fler livbojar – och räcke på de sträckor där inga båtar lägger till.',
    categorySlug: 'safety',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'oskar.nilsson@example.se',
    organisationSlug: 'kulturforeningen-magasinet',
    status: 'open',
    ageDays: 58,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Vi sätter upp ny belysning och vita kantmarkeringar i vinter. Räcke är svårt där båtar lägger till, men vi kan sätta upp räddningsstegar var femtionde meter.',
      },
      {
        email: 'karin.bergstrom@example.se',
        organisationSlug: 'hotell-kajen',
        body: 'Hotell Kajen betalar gärna fyra nya livbojsskåp längs vår del av kajen, och vi kan sköta tillsynen av dem varje vecka.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'lennart.akesson@example.se',
        body: 'Räcken förstör kajmiljön. Belysning räcker.',
        replies: [
          {
            email: 'oskar.nilsson@example.se',
            body: 'Vi föreslår räcke bara där inga båtar lägger till.',
          },
        ],
      },
      {
        email: 'johan.ek@example.se',
        body: 'Det hände en olycka i somras också.',
      },
    ],
  },
  {
    title: 'Sätt upp övervakningskameror vid Ängsgårdens torg',
    description:
      'Vid Ängsgårdens torg har det varit flera rån och bränder i papperskorgar det senaste året. Butiksägarna och de boende känner sig otrygga på kvällarna.\n\nJag föreslår kameraövervakning av hela torget dygnet runt, så att polisen kan utreda brotten och folk tänker sig för innan de begår dem.',
    categorySlug: 'safety',
    areaSlug: 'angsgarden',
    posterEmail: 'daniel.ahmadi@example.se',
    status: 'closed',
    closedReason:
      'Kameraövervakning av en allmän plats kräver tillstånd, och kommunens ansökan för torget avslogs i våras. I stället satsar kommunen och Kustbo på belysning, nattvandring och fler verksamheter på torget.',
    ageDays: 240,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'zeynep.demir@example.se',
        body: 'Jag har haft två inbrott i salongen. Kameror hade hjälpt.',
      },
      {
        email: 'hodan.warsame@example.se',
        body: 'Jag tror mer på människor än på kameror. Fler vuxna ute gör skillnad.',
        replies: [{ email: 'daniel.ahmadi@example.se', body: 'Båda behövs.' }],
      },
    ],
  },
  {
    title: 'Isiga trappor ner till Norrviks hållplats varje vintermorgon',
    description:
      'Trapporna från Norrviksvägen ner till hållplatsen är branta, saknar räcke på ena sidan och sandas sällan före kl. 8. I januari halkade tre personer på en vecka, och en av dem bröt handleden. Vi som pendlar kl. 6 har ingen annan väg.\n\nTrapporna måste sandas tidigt, och helst få ett räcke till.',
    categorySlug: 'safety',
    areaSlug: 'norrvik',
    posterEmail: 'jonas.falk@example.se',
    status: 'solved',
    ageDays: 305,
    solutions: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        body: 'Sjöhamns Åkeri har vinterväghållningen i Norrvik på uppdrag av kommunen. Vi lägger trapporna först på morgonrundan, kl. 5.15, och ställer ut en sandlåda så att resenärerna själva kan sanda vid behov.',
        accepted: true,
      },
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Stadsbyggnadsförvaltningen monterar ett räcke på trappans andra sida i vår, och belysningen vid trappan byts samtidigt.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        plan: 'Vi sandar trapporna till Norrviks hållplats först av allt varje halkmorgon, senast kl. 5.30.',
        updates: [
          'Rutinen gäller från och med i morgon.',
          'Inga halkolyckor rapporterade sedan dess.',
        ],
      },
    ],
    comments: [
      { email: 'helena.strom@example.se', body: 'Stor skillnad, tack!' },
      {
        email: 'ida.soderberg@example.se',
        body: 'Räcket kom upp i mars. Nu är det bra.',
      },
    ],
  },
  {
    title: 'Förbjud fyrverkerier i hela Sjöhamn',
    description:
      'Varje nyårsafton, och flera kvällar före, smäller det i Ekbacken. Hundar och katter blir panikslagna, äldre blir rädda och i år skadades en tonåring i ansiktet. Det ligger också mycket skräp kvar i parkerna efteråt.\n\nJag vill att kommunen förbjuder privata fyrverkerier helt och i stället ordnar ett gemensamt fyrverkeri i hamnen.',
    categorySlug: 'safety',
    areaSlug: 'ekbacken',
    posterEmail: 'linnea.berg@example.se',
    status: 'closed',
    closedReason:
      'Kommunen kan bara förbjuda fyrverkerier på vissa platser i de lokala ordningsföreskrifterna, inte i hela kommunen, och sådana förbud gäller redan i centrum och vid sjukhuset. Förslaget om ett gemensamt nyårsfyrverkeri har lämnats till Kultur- och fritidsförvaltningen.',
    ageDays: 250,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'tomasz.nowak@example.se',
        body: 'Min hund gömde sig under sängen i tre dagar.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Ett förbud skulle ingen bry sig om ändå.',
      },
      {
        email: 'sara.gustafsson@example.se',
        body: 'Ett gemensamt fyrverkeri i hamnen låter fint.',
      },
    ],
  },
  {
    title: 'Skolvägen i Norrvik saknar trottoar',
    description:
      'Barnen i Norrvik går till skolan längs Byvägen, som saknar trottoar och belysning på en sträcka av 600 meter. Vägen är smal och används av traktorer, lastbilar till gårdarna och pendlare i hög fart. På vintern går barnen i mörker i vägrenen.\n\nEn gång- och cykelbana, eller åtminstone en avskild gångbana med belysning, behövs.',
    categorySlug: 'safety',
    areaSlug: 'norrvik',
    posterEmail: 'ida.soderberg@example.se',
    status: 'open',
    ageDays: 26,
    solutions: [
      {
        email: 'gunnar.wikstrom@example.se',
        body: 'Vi på gårdarna kan avstå en remsa mark längs åkerkanten om kommunen bygger gångbanan.',
      },
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Byvägen är statlig väg. Kommunen driver frågan och kan medfinansiera en gångbana, och markerbjudandet från gårdarna gör det mycket lättare.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'helena.strom@example.se',
        body: 'Mina barn har reflexvästar, men det känns ändå inte tryggt.',
      },
      {
        email: 'jonas.falk@example.se',
        body: 'Sänk åtminstone hastigheten till 40 under skoltid.',
      },
    ],
  },
  {
    title: 'Fler vuxna behövs ute i Ängsgården på fredagskvällar',
    description:
      'På fredagskvällar samlas grupper av unga runt Ängsgårdens torg och fritidsgården. Det mesta är lugnt, men det har förekommit bråk, skadegörelse och små bränder. Många boende känner sig otrygga, och de unga säger själva att de saknar vuxna att prata med.\n\nKustbo vill bidra till en trygg kvällsmiljö, men vi kan inte göra det ensamma. Vi söker **nattvandrare**, föreningar och verksamheter som kan hålla öppet på fredagskvällar.',
    categorySlug: 'safety',
    areaSlug: 'angsgarden',
    posterEmail: 'kristina.nystrom@example.se',
    organisationSlug: 'kustbo-fastigheter',
    status: 'open',
    ageDays: 42,
    solutions: [
      {
        email: 'leila.karimi@example.se',
        organisationSlug: 'kultur-och-fritidsforvaltningen',
        body: 'Fritidsgården kan ha öppet till kl. 24 på fredagar om vi får med en förening som ordnar aktiviteter.',
      },
      {
        email: 'hodan.warsame@example.se',
        body: 'Vi är några mammor som redan nattvandrar. Vi behöver fler – och särskilt pappor!',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'zeynep.demir@example.se',
        body: 'Jag ställer upp en fredag i månaden.',
      },
      {
        email: 'samir.abdi@example.se',
        body: 'Unga som vill vara med och nattvandra kan få göra det som feriepraktik på sommaren.',
      },
    ],
  },
  {
    title: 'Gångtunneln under Kustvägen vid Strandbaden fylls med vatten',
    description:
      'Gångtunneln under Kustvägen, som är vägen till stranden för alla som bor öster om vägen, står under vatten efter varje kraftigt regn. Vattnet blir 20–30 centimeter djupt och kan stå kvar i flera dagar. Barnen springer då över Kustvägen i stället, där bilarna kör i 70.\n\nPumpen verkar inte fungera och brunnarna är igensatta av sand.',
    categorySlug: 'safety',
    areaSlug: 'strandbaden',
    posterEmail: 'fredrik.olsson@example.se',
    status: 'open',
    ageDays: 3,
    solutions: [
      {
        email: 'maria.svensson@example.se',
        body: 'Sätt åtminstone upp en skylt om en säker omväg via övergångsstället vid busshållplatsen tills tunneln är lagad.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'nikola.petrovic@example.se',
        body: 'Samma sak i går. Det var en liten sjö där nere.',
      },
      {
        email: 'ingrid.dahl@example.se',
        body: 'Jag har skickat det vidare till dem som sköter pumparna.',
      },
    ],
  },
]

const housing: DemoChallenge[] = [
  {
    title: 'Studenter hittar ingen bostad inför höstterminen',
    description:
      'Varje augusti står hundratals nya studenter utan bostad. Studentbostäderna har tre terminers kö, och privata hyresvärdar tar 6 000 kronor i månaden för ett rum. Förra hösten bodde flera av mina kursare på campingen till oktober, och några hoppade av.\n\nVi behöver fler studentbostäder – men också snabba lösningar för de första månaderna, som korttidsboende eller att villaägare hyr ut rum.',
    categorySlug: 'housing',
    areaSlug: 'campus',
    posterEmail: 'ahmed.hassan@example.se',
    status: 'in_progress',
    ageDays: 170,
    solutions: [],
    pledges: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        plan: 'Kustbo bygger om ett av våra äldre kontorshus vid Campusvägen till 24 studentlägenheter, med inflyttning till höstterminen.',
        updates: [
          'Bygglovet är beviljat.',
          'Ombyggnaden pågår och de 24 lägenheterna blir klara i augusti.',
        ],
      },
      {
        email: 'karin.bergstrom@example.se',
        organisationSlug: 'hotell-kajen',
        plan: 'Hotell Kajen hyr ut 15 rum till studentpris i augusti och september, när sommarsäsongen är slut.',
        updates: ['Alla 15 rum är bokade av nya studenter.'],
      },
    ],
    comments: [
      {
        email: 'wei.chen@example.se',
        body: 'Jag bodde i en campingstuga i sex veckor när jag kom hit.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Villaägare vågar inte hyra ut. Reglerna är för krångliga.',
        replies: [
          {
            email: 'aino.virtanen@example.se',
            body: 'Det finns bra mallar för hyresavtal. Kommunen kunde sprida dem.',
          },
        ],
      },
    ],
  },
  {
    title: 'Säsongspersonalen i hamnen har ingenstans att bo',
    description:
      'Varje sommar anställer Hotell Kajen och restaurangerna i hamnen omkring 150 säsongsarbetare. Många kommer från andra orter och hittar ingen bostad för tre månader. Vi har förlorat flera kockar och servitörer som tackat ja men sedan inte hittat något boende.\n\nKan studentbostäder som står tomma på sommaren hyras ut till säsongspersonal? Eller finns det andra lösningar, som tillfälliga paviljonger?',
    categorySlug: 'housing',
    areaSlug: 'gamla-hamnen',
    posterEmail: 'karin.bergstrom@example.se',
    organisationSlug: 'hotell-kajen',
    status: 'open',
    ageDays: 85,
    solutions: [
      {
        email: 'ahmed.hassan@example.se',
        body: 'Studentbostäderna är halvtomma i juni–augusti. Det borde vara en enkel matchning!',
      },
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        body: 'Kustbo har möblerade korttidslägenheter som vi kan hyra ut till säsongspersonal på tremånaderskontrakt.',
      },
    ],
    pledges: [],
    comments: [
      { email: 'johan.ek@example.se', body: 'Bra tanke med studentbostäderna.' },
      {
        email: 'birgitta.holm@example.se',
        body: 'I Fiskeläget står många sommarhus tomma större delen av året. Det är också ett problem.',
      },
    ],
  },
  {
    title: 'Fukt och mögel i lägenheterna vid Ängsvägen',
    description:
      'I minst tjugo lägenheter på Ängsvägen 4–12 finns fuktfläckar och mögel i badrum och sovrum. Barn hostar och har astma. Vi har felanmält flera gånger men fått svaret att vi ska vädra mer.\n\nVi vill att fastighetsägaren gör en **riktig fuktutredning** i alla lägenheter och åtgärdar orsaken, inte bara målar över fläckarna.',
    categorySlug: 'housing',
    areaSlug: 'angsgarden',
    posterEmail: 'hodan.warsame@example.se',
    status: 'in_progress',
    ageDays: 75,
    solutions: [],
    pledges: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        plan: 'Kustbo låter en oberoende besiktningsfirma göra en fuktutredning i alla 96 lägenheter på Ängsvägen 4–12 och åtgärdar orsakerna i ventilation och tak.',
        updates: [
          'Utredningen är klar: ventilationen har varit underdimensionerad sedan en ombyggnad.',
          'Ny ventilation installeras i de två första husen. Drabbade hushåll får hyresavdrag.',
        ],
      },
    ],
    comments: [
      { email: 'daniel.ahmadi@example.se', body: 'Bra att det äntligen händer.' },
      {
        email: 'ingrid.dahl@example.se',
        body: 'Miljöförvaltningen kan göra en inspektion om ni inte är nöjda med åtgärderna.',
      },
      {
        email: 'kristina.nystrom@example.se',
        body: 'Vi ber om ursäkt för att det dröjde. Hör av er direkt till mig om problemen finns kvar.',
      },
    ],
  },
  {
    title: 'Gården i Solhaga är tråkig och lekplatsen är borttagen',
    description:
      'När lekplatsen på gården vid Solhagavägen 20–30 togs bort för tre år sedan kom ingen ny. Nu finns bara gräsmatta, parkering och en trasig sandlåda, och barnen leker på parkeringen. Vi som bor här skulle gärna odla, grilla och träffas, men det finns ingenstans att vara.\n\nVi vill vara med och bestämma hur gården ska se ut.',
    categorySlug: 'housing',
    areaSlug: 'solhaga',
    posterEmail: 'magnus.karlsson@example.se',
    status: 'solved',
    ageDays: 250,
    solutions: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        body: 'Kustbo har tagit fram en ny gård tillsammans med hyresgästerna: lekplats för små barn, odlingslådor, grillplats med bänkar och fruktträd. Den byggs i maj.',
        accepted: true,
      },
      {
        email: 'andres.morales@example.se',
        body: 'Odlingslådor! Många här odlade i sina hemländer och saknar det. Det är också ett bra sätt att lära känna grannarna.',
      },
    ],
    pledges: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        plan: 'Vi bygger om gården vid Solhagavägen 20–30 tillsammans med hyresgästerna, med lekplats, odlingar och grillplats.',
        updates: [
          'Två workshoppar med 40 hyresgäster är genomförda.',
          'Gården är klar och invigdes med grillfest.',
        ],
      },
    ],
    comments: [
      { email: 'fatima.ali@example.se', body: 'Barnen är ute hela dagarna nu.' },
      {
        email: 'emma.larsson@example.se',
        body: 'Och odlingslådorna är redan fulla av tomater.',
      },
    ],
  },
  {
    title: 'Äldre i Fiskeläget måste flytta när de inte längre klarar trapporna',
    description:
      'De gamla husen i Fiskeläget har branta trappor, höga trösklar och små badrum. När man blir äldre och får svårt att gå tvingas man flytta till centrum, långt från grannarna och havet man levt med. Det finns inte en enda tillgänglig lägenhet i Fiskeläget.\n\nKan man bygga några små seniorbostäder i byn, eller göra det lättare att få bostadsanpassning i de gamla husen?',
    categorySlug: 'housing',
    areaSlug: 'fiskelaget',
    posterEmail: 'elsa.martensson@example.se',
    status: 'open',
    ageDays: 35,
    solutions: [
      {
        email: 'per-olof.persson@example.se',
        body: 'Jag har byggt om flera gamla hus med trapphiss och större badrum utan att förstöra karaktären. Det går, men bostadsanpassningen tar alldeles för lång tid.',
      },
      {
        email: 'birgitta.holm@example.se',
        body: 'Den gamla skolan står tom. Den skulle kunna bli sex små lägenheter för äldre, med en gemensam lokal på bottenvåningen.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'lennart.akesson@example.se',
        body: 'Jag är 74 och tänker på det här varje dag.',
      },
    ],
  },
  {
    title: 'Det finns inga små lägenheter för unga som vill flytta hemifrån',
    description:
      'Jag och mina kompisar fyller snart 20 och vill flytta hemifrån. Men i Solhaga och Ängsgården finns nästan bara treor och fyror, och i kön till de få ettor som finns står man i åtta år. Vi har ingen chans på bostadsmarknaden och flyttar därför till andra städer.\n\nSjöhamn behöver små, billiga lägenheter för unga – kanske i tomma kontorslokaler?',
    categorySlug: 'housing',
    areaSlug: 'solhaga',
    posterEmail: 'emma.larsson@example.se',
    status: 'open',
    ageDays: 20,
    solutions: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Detaljplanen för kvarteret Tranan ger 80 små lägenheter, varav hälften ettor. Samråd i vår på https://example.se/kommun/tranan.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'ahmed.hassan@example.se',
        body: 'Studentbostäderna borde vara öppna för unga som jobbar också.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Förr bodde man kvar hemma tills man hade råd.',
        replies: [
          {
            email: 'emma.larsson@example.se',
            body: 'Jag jobbar heltid och har råd – det finns bara inga lägenheter.',
          },
        ],
      },
    ],
  },
  {
    title: 'Förbjud korttidsuthyrning av hela hus i Fiskeläget',
    description:
      'Allt fler hus i Fiskeläget köps upp och hyrs ut till turister via uthyrningssajter. I vissa gränder står vartannat hus tomt på vintern. Bylivet försvinner, bystugan står tom och unga familjer har inte råd att köpa hus.\n\nByalaget vill att kommunen förbjuder korttidsuthyrning av hela hus, eller åtminstone begränsar den, som man har gjort i andra länder.',
    categorySlug: 'housing',
    areaSlug: 'fiskelaget',
    posterEmail: 'birgitta.holm@example.se',
    organisationSlug: 'fiskelagets-byalag',
    status: 'closed',
    closedReason:
      'Lagen ger inte kommunen möjlighet att förbjuda korttidsuthyrning av privata bostäder. Frågan om att behålla permanentboende i Fiskeläget tas i stället upp i arbetet med den nya översiktsplanen.',
    ageDays: 310,
    solutions: [],
    pledges: [],
    comments: [
      {
        email: 'karin.bergstrom@example.se',
        body: 'Vi i besöksnäringen behöver gästerna, men håller med om att byn inte får tömmas.',
      },
      {
        email: 'elsa.martensson@example.se',
        body: 'Det är tomt och mörkt här från oktober till maj.',
      },
    ],
  },
  {
    title: 'Bostadsrättsföreningarna i Ekbacken vill köpa solceller tillsammans',
    description:
      'Vi är fem bostadsrättsföreningar i Ekbacken med stora tak i söderläge. Alla vill installera solceller, men ingen förening kan upphandling, statligt stöd eller vad som är rimliga priser. Offerterna vi har fått skiljer sig med 40 procent.\n\nVi vill göra en **gemensam upphandling** för att få bättre pris och kvalitet. Finns det någon som kan hjälpa oss?',
    categorySlug: 'housing',
    areaSlug: 'ekbacken',
    posterEmail: 'sara.gustafsson@example.se',
    status: 'in_progress',
    ageDays: 140,
    solutions: [],
    pledges: [
      {
        email: 'ingrid.dahl@example.se',
        organisationSlug: 'miljoforvaltningen',
        plan: 'Kommunens energi- och klimatrådgivare hjälper föreningarna med en gemensam förfrågan, jämförelse av offerter och ansökan om stöd.',
        updates: [
          'Sju föreningar är nu med.',
          'Förfrågan har gått ut till sex installatörer, svar väntas nästa månad.',
        ],
      },
    ],
    comments: [
      { email: 'tomasz.nowak@example.se', body: 'Vår förening vill också vara med!' },
      {
        email: 'viktor.hedlund@example.se',
        body: 'Fyrljus IT kan hjälpa till med en enkel webbsida för att följa produktionen.',
      },
    ],
  },
  {
    title: 'Cykelrummen i Solhaga är fulla av övergivna cyklar',
    description:
      'I cykelrummen i våra hus i Solhaga står över 300 cyklar, och minst hälften har inte rörts på flera år. Hyresgäster som faktiskt cyklar får inte plats och ställer cyklarna i trapphusen, vilket är en brandrisk.\n\nVi vill rensa ut de övergivna cyklarna på ett schysst sätt och gärna se att de kommer till nytta i stället för att skrotas.',
    categorySlug: 'housing',
    areaSlug: 'solhaga',
    posterEmail: 'kristina.nystrom@example.se',
    organisationSlug: 'kustbo-fastigheter',
    status: 'solved',
    ageDays: 180,
    solutions: [
      {
        email: 'fredrik.olsson@example.se',
        organisationSlug: 'kustcykel',
        body: 'Kustcykel hämtar alla cyklar som inte har märkts av ägaren inom sex veckor. Vi renoverar dem som går att laga och skänker dem till fritidsgårdarna och till arbetssökande via arbetsmarknadsförvaltningen. Resten går till återvinning.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'fredrik.olsson@example.se',
        organisationSlug: 'kustcykel',
        plan: 'Vi hämtar, renoverar och skänker bort övergivna cyklar från Kustbos cykelrum i Solhaga.',
        updates: [
          '190 cyklar är hämtade.',
          '84 cyklar är renoverade och skänkta. Nu finns det plats i cykelrummen.',
        ],
      },
    ],
    comments: [
      {
        email: 'andres.morales@example.se',
        body: 'Min gamla cykel fick nytt liv hos en kille på fritidsgården!',
      },
      {
        email: 'samir.abdi@example.se',
        body: 'Tack! Ett trettiotal cyklar gick till deltagare som annars inte hade kunnat ta sig till jobbet.',
      },
    ],
  },
  {
    title: 'Nya bostäder i Norrvik – hur ska de fungera utan bil?',
    description:
      'Kommunen planerar omkring 250 nya bostäder i Norrvik, både radhus och lägenheter. I dag är nästan alla i Norrvik beroende av bil. Stadsbyggnadsförvaltningen vill att de nya bostäderna ska fungera även för den som inte har bil: barnfamiljer med en bil, äldre och unga.\n\nVad behövs? Berätta gärna om:\n\n- vilka resor du gör i vardagen\n- vad som skulle få dig att välja cykel eller buss\n- vilken service du saknar i Norrvik\n\nPlanförslaget finns på https://example.se/kommun/norrvik-nya-bostader.',
    categorySlug: 'housing',
    areaSlug: 'norrvik',
    posterEmail: 'goran.sjoberg@example.se',
    organisationSlug: 'stadsbyggnadsforvaltningen',
    status: 'open',
    ageDays: 50,
    solutions: [
      {
        email: 'jonas.falk@example.se',
        body: 'Säkra tidiga bussar till stationen först. Inget annat spelar roll om man missar tåget.',
      },
      {
        email: 'fredrik.olsson@example.se',
        organisationSlug: 'kustcykel',
        body: 'En cykelpool med ellastcyklar i det nya området, så att barnfamiljer klarar sig med en bil eller ingen alls. Kustcykel kan driva den.',
      },
    ],
    pledges: [],
    comments: [
      { email: 'helena.strom@example.se', body: 'Och en matbutik!' },
      {
        email: 'gunnar.wikstrom@example.se',
        body: 'Bygg inte på den bästa åkermarken.',
        replies: [
          {
            email: 'goran.sjoberg@example.se',
            body: 'Förslaget ligger på den gamla grustäkten, inte på åkermark.',
          },
        ],
      },
    ],
  },
  {
    title: 'Gemensamhetslokalen i Ängsgården har varit stängd i två år',
    description:
      'Gemensamhetslokalen vid Ängsvägen 20 har kök, 60 sittplatser och en stor gård. Den användes förr till födelsedagskalas, föreningsmöten och läxhjälp. Sedan personen som skötte bokningen slutade har lokalen stått stängd.\n\nVi hyresgäster vill kunna boka den enkelt och använda den igen. Vi kan ta ansvar för städningen.',
    categorySlug: 'housing',
    areaSlug: 'angsgarden',
    posterEmail: 'daniel.ahmadi@example.se',
    status: 'solved',
    ageDays: 160,
    solutions: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        body: 'Kustbo öppnar lokalen igen med digital bokning och kodlås. Hyresgäster bokar gratis, föreningar betalar 200 kronor. En grupp hyresgäster ansvarar för ordningen.',
        accepted: true,
      },
      {
        email: 'ebba.lund@example.se',
        organisationSlug: 'fyrljus-it',
        body: 'Fyrljus IT har satt upp bokningen med en kod som skickas med sms, utan kostnad för Kustbo. Koden är öppen så att andra hyresvärdar kan använda den.',
        accepted: true,
      },
    ],
    pledges: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        plan: 'Vi renoverar köket och öppnar gemensamhetslokalen igen med digital bokning och kodlås.',
        updates: ['Köket är renoverat.', 'Lokalen bokades 22 gånger den första månaden.'],
      },
    ],
    comments: [
      { email: 'hodan.warsame@example.se', body: 'Läxhjälpen är tillbaka på onsdagar!' },
      {
        email: 'zeynep.demir@example.se',
        body: 'Vi hade kalas för min dotter där i lördags. Så bra.',
      },
    ],
  },
  {
    title: 'Husbilar parkerar på bostadsgatorna vid Strandbaden hela sommaren',
    description:
      'Från juni till augusti står tiotals husbilar parkerade längs Badhusvägen och Dynvägen, ofta i flera dagar. De tar alla parkeringsplatser, tömmer toalettavfall i dagvattenbrunnarna och kör motorn för att få el. Vi som bor här hittar ingen plats och barnen kan inte cykla på gatan.\n\nHusbilsturister är välkomna, men de behöver **en riktig ställplats** med el, vatten och tömning.',
    categorySlug: 'housing',
    areaSlug: 'strandbaden',
    posterEmail: 'nikola.petrovic@example.se',
    status: 'in_progress',
    ageDays: 110,
    solutions: [
      {
        email: 'karin.bergstrom@example.se',
        organisationSlug: 'hotell-kajen',
        body: 'Ge ställplatsen en enkel bokning med information om restauranger och aktiviteter. Då blir husbilsturisterna en tillgång för hela Sjöhamn.',
      },
    ],
    pledges: [
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        plan: 'Vi anlägger en ställplats för 30 husbilar vid gamla idrottsplatsen med el, vatten och tömning, och inför parkeringsförbud för husbilar på bostadsgatorna.',
        updates: [
          'Ställplatsen är upphandlad.',
          'Skyltarna om förbud på bostadsgatorna är uppe inför sommaren.',
        ],
      },
    ],
    comments: [
      {
        email: 'maria.svensson@example.se',
        body: 'Toalettavfallet i brunnarna är riktigt äckligt.',
      },
      {
        email: 'fredrik.olsson@example.se',
        body: 'Många husbilsturister hyr cyklar hos oss. Vi välkomnar ställplatsen!',
      },
    ],
  },
  {
    title: 'Inhyrd personal i Industriområdet Nord bor trångt på campingen',
    description:
      'Flera hundra personer som jobbar på entreprenader i Industriområdet Nord och i hamnen bor i husvagnar och stugor på campingen, ofta fyra i en stuga, ibland i flera månader. Jag jobbade själv som inhyrd när jag kom till Sverige och vet hur det är.\n\nDet behövs enkla men hyggliga bostäder för dem som jobbar här några månader. Kanske kan arbetsgivarna gå ihop om ett gemensamt boende med rimlig standard?',
    categorySlug: 'housing',
    areaSlug: 'industriomradet-nord',
    posterEmail: 'tomasz.nowak@example.se',
    status: 'open',
    ageDays: 65,
    solutions: [
      {
        email: 'mehmet.yilmaz@example.se',
        organisationSlug: 'sjohamns-akeri',
        body: 'Vi har samma problem med sommarvikarier. Ett gemensamt boende för flera företag i området låter klokt, och vi är med och delar på kostnaden.',
      },
      {
        email: 'goran.sjoberg@example.se',
        organisationSlug: 'stadsbyggnadsforvaltningen',
        body: 'Detaljplanen tillåter tillfälliga bostäder i tio år på kommunens mark vid Norra vägen. Vi pratar gärna med arbetsgivarna.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'sofia.andersson@example.se',
        body: 'Det är skamligt hur en del har det.',
      },
      {
        email: 'kristina.nystrom@example.se',
        body: 'Kustbo har erfarenhet av modulbostäder och kan bidra med kunskap.',
      },
    ],
  },
  {
    title: 'Studenter blir lurade av falska hyresannonser',
    description:
      'Varje termin blir studenter på Campus lurade av falska hyresannonser: de betalar en deposition på 10 000 kronor för ett rum som inte finns. Det drabbar särskilt internationella studenter som inte kan se bostaden innan de kommer. I år känner jag till minst tolv fall.\n\nVi behöver en pålitlig lista över seriösa hyresvärdar, tydlig information om varningstecken och kanske en förmedling som universitetet och kommunen står bakom.',
    categorySlug: 'housing',
    areaSlug: 'campus',
    posterEmail: 'ebba.lund@example.se',
    status: 'open',
    ageDays: 16,
    solutions: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        body: 'Kustbo annonserar bara på vår egen webbplats och tar aldrig deposition före visning. Vi står gärna med på en lista över seriösa hyresvärdar.',
      },
      {
        email: 'wei.chen@example.se',
        body: 'Information på engelska och kinesiska skulle hjälpa mycket. Jag hjälper gärna till att översätta.',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'ahmed.hassan@example.se',
        body: 'En kompis förlorade 8 000 kronor i höstas.',
      },
      {
        email: 'magnus.karlsson@example.se',
        body: 'Betala aldrig något innan du har sett bostaden!',
      },
    ],
  },
  {
    title: 'Hur får vi fler att bo ovanför butikerna på Storgatan?',
    description:
      'I husen längs Storgatan är många övervåningar kontor, förråd eller helt tomma. Om fler bodde i centrum skulle butikerna få fler kunder, gatorna kännas tryggare på kvällen och fler kunna bo nära stationen.\n\nStadsbyggnadsförvaltningen vill göra det enklare att bygga om tomma lokaler till bostäder. Vad stoppar dig som fastighetsägare? Vad skulle få dig som bostadssökande att vilja bo på Storgatan? Vi tittar bland annat på parkeringskraven, bullerreglerna och bygglovsprocessen.',
    categorySlug: 'housing',
    areaSlug: 'centrum',
    posterEmail: 'goran.sjoberg@example.se',
    organisationSlug: 'stadsbyggnadsforvaltningen',
    status: 'open',
    ageDays: 30,
    solutions: [
      {
        email: 'kristina.nystrom@example.se',
        organisationSlug: 'kustbo-fastigheter',
        body: 'Parkeringskravet är det största hindret för oss. Om vi slapp bygga en parkeringsplats per lägenhet kunde vi göra om två kontorsvåningar på Storgatan 14 direkt.',
      },
      {
        email: 'emma.larsson@example.se',
        body: 'Små lägenheter för unga, gärna med ett gemensamt kök och tvättstuga. Jag skulle flytta in i morgon om hyran var rimlig!',
      },
    ],
    pledges: [],
    comments: [
      {
        email: 'erik.johansson@example.se',
        body: 'Fler boende i centrum är precis vad Storgatan behöver.',
      },
      {
        email: 'amira.haddad@example.se',
        body: 'Men tänk på att bageriet börjar baka kl. 4. Den som flyttar in ovanför får räkna med lite ljud.',
        replies: [
          {
            email: 'goran.sjoberg@example.se',
            body: 'Bra påminnelse, bullerfrågan är en del av det vi tittar på.',
          },
        ],
      },
    ],
  },
]

/** About 120 challenges in Sjöhamn across all categories and areas. */
export const demoChallenges: DemoChallenge[] = [
  ...mobility,
  ...cityCentreTrade,
  ...environment,
  ...cultureLeisure,
  ...skillsJobs,
  ...digitalServices,
  ...safety,
  ...housing,
]

/**
 * Where some demo challenges are: a place in words, and for most of them coordinates inside
 * the demo town's box (the settings' defaults, around 56.05 N, 12.70 E). Others have none, as
 * many real challenges have none.
 */
export const DEMO_PLACES: Record<string, { text: string; lat?: number; lng?: number }> = {
  'Sista bussen från Gamla hamnen går 21.40 – innan konserterna har slutat': {
    text: 'Hållplatsen Magasinet, Gamla hamnen',
    lat: 56.0432,
    lng: 12.6891,
  },
  'Cykelparkeringen vid stationen är full, otrygg och saknar tak': {
    text: 'Stationsgatan, norra entrén till stationen',
    lat: 56.0468,
    lng: 12.6953,
  },
  'Leveransbilar blockerar Storgatan varje förmiddag': {
    text: 'Storgatan mellan Kyrkogatan och Lilla Torggatan',
    lat: 56.0479,
    lng: 12.6987,
  },
  'Busshållplatsen vid Ekbackens IP saknar väderskydd': {
    text: 'Hållplatsen Ekbackens IP',
    lat: 56.0611,
    lng: 12.7248,
  },
  'Pendlarparkeringen i Norrvik är full redan klockan sju': {
    text: 'Pendlarparkeringen vid Norrviks station',
    lat: 56.0897,
    lng: 12.7102,
  },
  'Tunga lastbilar kör genom Fiskeläget till nya hamnen': {
    text: 'Fiskelägesvägen genom Fiskeläget',
    lat: 56.0355,
    lng: 12.6765,
  },
  'Realtidsskylten vid Ekbackens centrum visar fel tider': {
    text: 'Hållplatsen Ekbackens centrum, läge B',
    lat: 56.0588,
    lng: 12.7196,
  },
  'Besökare hittar inte från Gamla hamnen upp till centrum': {
    text: 'Trapporna mellan Hamntorget och Kyrkogatan',
  },
  'Julbelysningen saknas på Kyrkogatan och runt Lilla torget': {
    text: 'Kyrkogatan och Lilla torget',
    lat: 56.0484,
    lng: 12.7003,
  },
}
