import type { Transaction } from 'kysely'
import type { Database } from '../schema'

/** The demo town's reply templates, as Sjöhamn's moderators would word them. */
export const demoTemplates: Array<{ name: string; bodySv: string; bodyEn: string }> = [
  {
    name: 'Skickad till förvaltningen',
    bodySv:
      'Tack för att du tog upp det här! Vi har skickat utmaningen till rätt förvaltning, som återkommer här med ett svar. Följ utmaningen för att få besked när något händer.',
    bodyEn:
      'Thank you for raising this! We have sent the challenge to the right department, which will reply here. Follow the challenge to hear when something happens.',
  },
  {
    name: 'Dubblett – sammanslagen',
    bodySv:
      'Det finns redan en utmaning om samma sak, så vi har slagit ihop dem. Röster, följare och kommentarer har flyttats dit, så inget av det du skrivit har försvunnit.',
    bodyEn:
      'There is already a challenge about the same thing, so we have merged the two. Votes, followers and comments have moved there, so nothing you wrote has been lost.',
  },
  {
    name: 'Utanför kommunens ansvar',
    bodySv:
      'Det här ligger utanför det kommunen ansvarar för. Frågan hör till Trafikverket, regionen eller fastighetsägaren – vi har lagt en länk till rätt kontaktväg i kommentarerna. Utmaningen får gärna ligga kvar så att företag och föreningar kan ta sig an den.',
    bodyEn:
      'This is outside what the municipality is responsible for. The matter belongs to the Transport Administration, the region or the property owner – we have added a link to the right contact in the comments. The challenge may stay up so that businesses and associations can take it on.',
  },
  {
    name: 'Dolt: bryter mot reglerna',
    bodySv:
      'Vi har dolt inlägget eftersom det bryter mot reglerna för Utmana (till exempel personangrepp, personuppgifter om andra eller reklam). Inlägget finns kvar och du kan överklaga beslutet en gång på utmaningens sida.',
    bodyEn:
      'We have hidden this post because it breaks the rules of Utmana (for example personal attacks, personal data about others or advertising). The post is kept and you may appeal the decision once on the challenge page.',
  },
]

/** Inserts the demo reply templates; called from the demo seed's transaction. */
export async function seedDemoTemplates(trx: Transaction<Database>) {
  await trx
    .insertInto('reply_templates')
    .values(
      demoTemplates.map((t) => ({
        name: t.name,
        body_sv: t.bodySv,
        body_en: t.bodyEn,
        archived_at: null,
      })),
    )
    .execute()
}
