import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleTriageAction } from '~/actions/triage.server'
import { TriageForm } from '~/components/moderation/TriageForm'
import { AppealsSection } from '~/components/triage/AppealsSection'
import { AuditSection } from '~/components/triage/AuditSection'
import { BanSection } from '~/components/triage/BanSection'
import { DisputesSection } from '~/components/triage/DisputesSection'
import { FlagsSection } from '~/components/triage/FlagsSection'
import { MergeSection } from '~/components/triage/MergeSection'
import { NotesSection } from '~/components/triage/NotesSection'
import { PhotosSection } from '~/components/triage/PhotosSection'
import { PostsSection } from '~/components/triage/PostsSection'
import { ResponsesSection } from '~/components/triage/ResponsesSection'
import { TriageHeader } from '~/components/triage/TriageHeader'
import { publicUrl } from '~/env.server'
import { useTranslation } from '~/i18n-react'
import { loadTriage, triagePageData } from '~/loaders/triage.server'
import { getRequestT } from '~/services/i18n.server'
import { requireModerator } from '~/services/session.server'
import { resultFor } from '~/utils/intent-reply'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireModerator(request)
  return triagePageData(request, params.id)
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const moderator = await requireModerator(request)
  const { challenge } = await loadTriage(params.id)
  const form = await request.formData()
  const { locale } = await getRequestT(request)
  return handleTriageAction(
    { moderator, challenge, ip: context.ip ?? null, locale, siteUrl: publicUrl().origin },
    form,
  )
}

export default function Triage() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { challenge } = data
  return (
    <div className="triage">
      <TriageHeader challenge={challenge} notice={data.notice} />
      <section aria-labelledby="triage-form">
        <h2 id="triage-form">{t('triage.decide')}</h2>
        <TriageForm
          challenge={challenge}
          departments={data.departments}
          contacts={data.contacts}
          categories={data.categories}
          areas={data.areas}
          templates={data.templates}
          lastResult={resultFor(actionData, 'triage')}
        />
      </section>
      <ResponsesSection responses={data.responses} />
      <NotesSection notes={data.notes} />
      <PostsSection
        challenge={challenge}
        solutions={data.solutions}
        comments={data.comments}
        flags={data.flags}
      />
      <PhotosSection photos={data.photos} flags={data.flags} />
      <AppealsSection appeals={data.appeals} />
      <DisputesSection disputes={data.disputes} version={challenge.version} />
      <FlagsSection flags={data.flags} />
      <MergeSection />
      <BanSection challenge={challenge} />
      <AuditSection audit={data.audit} auditNames={data.auditNames} />
    </div>
  )
}
