import type { FlagSubject } from '#db/schema'
import { redirect } from '@remix-run/node'
import { OfficialResponseSchema } from '~/forms/challenge'
import { DisputeDecisionSchema } from '~/forms/dispute'
import { ButtonSchema } from '~/forms/fields'
import {
  AppealDecisionSchema,
  AutoHiddenSchema,
  BanSchema,
  HideSchema,
  MergeSchema,
  NoteSchema,
  RestoreSchema,
  TriageSchema,
  UnbanSchema,
} from '~/forms/moderation'
import { decideAutoHidden } from '~/models/auto-hidden.server'
import { decideDispute } from '~/models/dispute.server'
import { getTemplateBody } from '~/models/moderation-page.server'
import { decideAppeal } from '~/models/appeals.server'
import { banForDays, setBan } from '~/models/bans.server'
import { dismissFlags } from '~/models/flag.server'
import { addInternalNote } from '~/models/internal-notes.server'
import { MergeRefused, mergeChallenge } from '~/models/merge.server'
import { hidePost, restorePost } from '~/models/moderation-visibility.server'
import { postOfficialResponse } from '~/models/official-response.server'
import { isPostOf } from '~/models/post-kinds.server'
import { StaleForm, TriageRefused, triageChallenge } from '~/models/triage.server'
import type { SessionUser } from '~/models/user.server'
import { defineIntents, dispatchIntent } from '~/utils/intents.server'
import { forbidden, notFound } from '~/utils/responses.server'
import { postFormKey, triageFormKey } from '~/utils/triage-keys'

interface Context {
  moderator: SessionUser
  challenge: { id: number; department_id: number | null }
  ip: string | null
  locale: string
  /** The site's origin, for links in the mail a hidden post's author gets. */
  siteUrl: string
}

/** What the triage form says under the field the server refused. */
const TRIAGE_REFUSALS = {
  departmentId: 'errors.choose',
  contactUserId: 'triage.contactNotInDepartment',
  categoryId: 'errors.choose',
  areaId: 'errors.choose',
  status: 'triage.statusRefused',
  withdrawn: 'triage.withdrawnRefused',
} as const

/** Back to the triage page with the notice that says what was done. */
const done = (c: Context, notice: string) =>
  redirect(`/moderation/challenges/${c.challenge.id}?notice=${notice}`)

/** A post named in a form must belong to the challenge in the URL. */
async function requirePostHere(c: Context, post: { subjectType: FlagSubject; subjectId: number }) {
  if (!(await isPostOf(c.challenge.id, post))) throw notFound()
}

/** Hide, restore and the decision on an auto-hidden post answer the post's own form. */
const postKey = (form: FormData) =>
  postFormKey(String(form.get('subjectType')), String(form.get('subjectId')))

export const triageIntents = defineIntents<Context>()({
  triage: {
    schema: TriageSchema,
    async run({ ctx: c, value: v, refuse }) {
      const message =
        v.message ?? (v.templateId ? await getTemplateBody(v.templateId, c.locale) : null)
      try {
        await triageChallenge(c.moderator, {
          challengeId: c.challenge.id,
          version: v.version,
          change: {
            status: v.status,
            message,
            departmentId: v.departmentId ?? null,
            contactUserId: v.contactUserId ?? null,
            priority: v.priority,
            categoryId: v.categoryId,
            areaId: v.areaId,
          },
          ip: c.ip,
        })
      } catch (error) {
        if (error instanceof StaleForm) return refuse({ formErrors: ['triage.stale'] }, 409)
        if (error instanceof TriageRefused) {
          const text = TRIAGE_REFUSALS[error.field]
          return error.field === 'status' || error.field === 'withdrawn'
            ? refuse({ formErrors: [text] })
            : refuse({ fieldErrors: { [error.field]: [text] } })
        }
        throw error
      }
      return done(c, 'saved')
    },
  },
  note: {
    schema: NoteSchema,
    async run({ ctx: c, value }) {
      await addInternalNote(c.moderator, c.challenge.id, value.body)
      return done(c, 'noted')
    },
  },
  respond: {
    schema: OfficialResponseSchema,
    async run({ ctx: c, value }) {
      await postOfficialResponse(c.moderator, {
        challengeId: c.challenge.id,
        body: value.body,
        organisationId: c.challenge.department_id,
        ip: c.ip,
      })
      return done(c, 'responded')
    },
  },
  hide: {
    schema: HideSchema,
    key: postKey,
    async run({ ctx: c, value }) {
      await requirePostHere(c, value)
      if (!(await hidePost(c.moderator, { ...value, siteUrl: c.siteUrl, ip: c.ip })))
        throw notFound()
      return done(c, 'hidden')
    },
  },
  restore: {
    schema: RestoreSchema,
    key: postKey,
    async run({ ctx: c, value }) {
      await requirePostHere(c, value)
      if (!(await restorePost(c.moderator, { ...value, ip: c.ip }))) throw notFound()
      return done(c, 'restored')
    },
  },
  'auto-hidden': {
    schema: AutoHiddenSchema,
    key: postKey,
    async run({ ctx: c, value, refuse }) {
      const result = await decideAutoHidden(c.moderator, {
        ...value,
        challengeId: c.challenge.id,
        siteUrl: c.siteUrl,
        ip: c.ip,
      })
      if (result === 'not_found') throw notFound()
      if (result === 'decided') return refuse({ formErrors: ['triage.autoHidden.decided'] }, 409)
      return done(c, value.decision === 'confirm' ? 'hideConfirmed' : 'restored')
    },
  },
  appeal: {
    schema: AppealDecisionSchema,
    key: (form) => triageFormKey('appeal', String(form.get('appealId'))),
    async run({ ctx: c, value }) {
      const decided = await decideAppeal(c.moderator, {
        appealId: value.appealId,
        challengeId: c.challenge.id,
        restore: value.restore === 'yes',
        note: value.note ?? null,
        ip: c.ip,
      })
      if (!decided) throw notFound()
      return done(c, 'decided')
    },
  },
  dispute: {
    schema: DisputeDecisionSchema,
    // The note is kept and its error shown beside the field of the dispute it was for.
    key: (form) => triageFormKey('dispute', String(form.get('disputeId'))),
    async run({ ctx: c, value, refuse }) {
      try {
        const result = await decideDispute(c.moderator, {
          challengeId: c.challenge.id,
          disputeId: value.disputeId,
          uphold: value.decision === 'uphold',
          note: value.note,
          version: value.version,
          ip: c.ip,
        })
        if (result === 'not_found') throw notFound()
        if (result === 'decided') return refuse({ formErrors: ['triage.disputes.decided'] }, 409)
      } catch (error) {
        if (error instanceof StaleForm) return refuse({ formErrors: ['triage.stale'] }, 409)
        throw error
      }
      return done(c, value.decision === 'uphold' ? 'disputeUpheld' : 'disputeRejected')
    },
  },
  merge: {
    schema: MergeSchema,
    async run({ ctx: c, value, refuse }) {
      try {
        await mergeChallenge(c.moderator, {
          fromId: c.challenge.id,
          intoId: value.intoId,
          ip: c.ip,
        })
      } catch (error) {
        if (error instanceof MergeRefused)
          return refuse({ formErrors: [`triage.merge.${error.reason}`] })
        throw error
      }
      return done(c, 'merged')
    },
  },
  ban: {
    schema: BanSchema,
    async run({ ctx: c, value }) {
      const banned = await banForDays(c.moderator, {
        userId: value.userId,
        days: value.days,
        reason: value.reason,
        ip: c.ip,
      })
      if (banned === 'forbidden') throw forbidden()
      if (!banned) throw notFound()
      return done(c, 'banned')
    },
  },
  unban: {
    schema: UnbanSchema,
    async run({ ctx: c, value }) {
      await setBan(c.moderator, { userId: value.userId, until: null, reason: null, ip: c.ip })
      return done(c, 'unbanned')
    },
  },
  dismiss: {
    schema: ButtonSchema,
    async run({ ctx: c }) {
      await dismissFlags(c.moderator, { challengeId: c.challenge.id, ip: c.ip })
      return done(c, 'dismissed')
    },
  },
})

/** Runs one of the triage page's forms, chosen by its `intent`. */
export async function handleTriageAction(ctx: Context, form: FormData) {
  return dispatchIntent(triageIntents, form, ctx)
}
