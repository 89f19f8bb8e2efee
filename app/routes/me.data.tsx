import { getFieldsetProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FieldErrors, FormErrors, TextField, useSchemaForm } from '~/components/forms'
import { CONTRIBUTION_CHOICES, DeleteAccountSchema } from '~/forms/privacy'
import { countOthersPostsUnder, deleteOwnAccount } from '~/models/account-deletion.server'
import { collectPersonalData } from '~/models/personal-data.server'
import { getRequestT } from '~/services/i18n.server'
import { log } from '~/services/log.server'
import { asksForJson } from '~/services/my-data.server'
import { consume, count, forget, reward, withRateLimits } from '~/services/rate-limit.server'
import { destroySession, getSession, getUser, requireUser } from '~/services/session.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request)
  // After a deletion the person is signed out and lands here once more, to read that it is done.
  if (new URL(request.url).searchParams.get('deleted') === '1' && !(await getUser(request))) {
    return json({ title: t('myData.deletedTitle'), deleted: true as const })
  }
  // A page's loader cannot answer with a file: the file lives next door.
  if (asksForJson(request)) throw redirect('/me/data.json')
  const user = await requireUser(request)
  const [data, underMine] = await Promise.all([
    collectPersonalData(user.id),
    countOthersPostsUnder(user.id),
  ])
  if (!data) throw redirect('/login')
  return json({
    title: t('myData.title'),
    deleted: false as const,
    counts: {
      challenges: data.challenges.length,
      solutions: data.solutions.length,
      comments: data.comments.length,
      pledges: data.pledges.length,
      votes: data.challengeVotes.length + data.solutionVotes.length,
      follows: data.follows.length,
      notifications: data.notifications.length,
      sessions: data.sessions.length,
    },
    underMine,
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: DeleteAccountSchema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  // Guessing the password here counts like guessing it at the login form (per address, per
  // account and address), and, since only someone holding this session can try, per person
  // across addresses (reauth). A wrong guess also counts towards the login form's "under
  // attack" alarm; nothing here can lock the owner out of signing in (issue 10, item 4).
  const ip = context.rateKey
  const email = user.email.toLowerCase()
  const accountIp = `${email}|${ip}`
  await withRateLimits({ action: 'delete-account', ip }, async () => {
    await consume('loginIp', ip)
    await consume('loginAccountIp', accountIp)
    await consume('reauth', String(user.id))
  })
  const counts = await deleteOwnAccount({
    userId: user.id,
    password: submission.value.password,
    contributions: submission.value.contributions,
  })
  if (!counts) {
    await count('loginAccount', email)
    return json(
      submission.reply({
        fieldErrors: { password: ['me.wrongPassword'] },
        hideFields: ['password'],
      }),
      { status: 400 },
    )
  }
  // The right password gives back what it counted, as a successful login does; the account's
  // own counters go with it (a reward would write the address back into the limiter's table).
  await Promise.all([
    forget('loginAccountIp', accountIp),
    forget('loginAccount', email),
    forget('reauth', String(user.id)),
    reward('loginIp', ip),
  ])
  log.info('account_deleted', { userId: user.id, contributions: submission.value.contributions })
  // Every session row is gone with the account; this clears the cookie of this browser too.
  const session = await getSession(request)
  return redirect('/me/data?deleted=1', {
    headers: { 'Set-Cookie': await destroySession(session) },
  })
}

export default function MyData() {
  const data = useLoaderData<typeof loader>()
  if (data.deleted) return <Deleted />
  return <Overview counts={data.counts} underMine={data.underMine} />
}

function Deleted() {
  const { t } = useTranslation()
  return (
    <div className="narrow">
      <h1>{t('myData.deletedTitle')}</h1>
      <p role="status">{t('myData.deletedBody')}</p>
      <p>
        <Link to="/">{t('myData.home')}</Link>
      </p>
    </div>
  )
}

function Overview({
  counts,
  underMine,
}: {
  counts: Record<string, number>
  underMine: { challenges: number; solutions: number; comments: number }
}) {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm({
    id: 'delete-account',
    schema: DeleteAccountSchema,
    lastResult,
    defaultValue: { contributions: 'keep' },
  })
  const contributions = fields.contributions
  const chosen = contributions.value ?? 'keep'
  const confirm = fields.confirm
  const confirmInvalid = Boolean(confirm.errors?.length)
  return (
    <div className="narrow">
      <h1>{t('myData.title')}</h1>
      <section aria-labelledby="stored">
        <h2 id="stored">{t('myData.storedTitle')}</h2>
        <p>{t('myData.storedIntro')}</p>
        <ul>
          <li>{t('myData.storedAccount')}</li>
          <li>
            {t('myData.storedPosts', {
              challenges: t('myData.amounts.challenges', { count: counts.challenges }),
              solutions: t('myData.amounts.solutions', { count: counts.solutions }),
              comments: t('myData.amounts.comments', { count: counts.comments }),
              pledges: t('myData.amounts.pledges', { count: counts.pledges }),
            })}
          </li>
          <li>
            {t('myData.storedVotes', {
              votes: t('myData.amounts.votes', { count: counts.votes }),
              follows: t('myData.amounts.challenges', { count: counts.follows }),
            })}
          </li>
          <li>{t('myData.storedNotifications', { count: counts.notifications })}</li>
          <li>{t('myData.storedSessions', { count: counts.sessions })}</li>
          <li>{t('myData.storedMail')}</li>
          <li>{t('myData.storedLog')}</li>
        </ul>
        <p>
          {t('myData.privacyBefore')} <Link to="/privacy">{t('myData.privacyLink')}</Link>
        </p>
      </section>
      <section aria-labelledby="download">
        <h2 id="download">{t('myData.downloadTitle')}</h2>
        <p id="download-hint">{t('myData.downloadHint')}</p>
        <p>
          <a
            href="/me/data.json"
            className="button secondary"
            download
            aria-describedby="download-hint"
          >
            {t('myData.download')}
          </a>
        </p>
      </section>
      <section aria-labelledby="delete" className="danger-zone">
        <h2 id="delete">{t('myData.deleteTitle')}</h2>
        <p>{t('myData.deleteIntro')}</p>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <FormErrors form={form} />
          <fieldset {...getFieldsetProps(contributions)}>
            <legend>{t('myData.contributionsLegend')}</legend>
            {CONTRIBUTION_CHOICES.map((option) => (
              <div className="choice" key={option}>
                <input
                  type="radio"
                  id={`${contributions.id}-${option}`}
                  name={contributions.name}
                  value={option}
                  defaultChecked={chosen === option}
                  aria-describedby={`${contributions.id}-${option}-hint`}
                />
                <label htmlFor={`${contributions.id}-${option}`}>
                  {t(`myData.contributions.${option}`)}
                </label>
                <p className="hint" id={`${contributions.id}-${option}-hint`}>
                  {option === 'keep'
                    ? t('myData.contributions.keepHint')
                    : t('myData.contributions.removeHint', {
                        challenges: t('myData.amounts.challenges', {
                          count: underMine.challenges,
                        }),
                        solutions: t('myData.amounts.solutions', { count: underMine.solutions }),
                        comments: t('myData.amounts.comments', { count: underMine.comments }),
                      })}
                </p>
              </div>
            ))}
            <FieldErrors id={contributions.errorId} errors={contributions.errors} />
          </fieldset>
          <TextField
            field={fields.password}
            label={t('me.currentPassword')}
            type="password"
            autoComplete="current-password"
            required
          />
          <div className="field choice">
            <input
              type="checkbox"
              id={confirm.id}
              name={confirm.name}
              value="on"
              required
              aria-invalid={confirmInvalid || undefined}
              aria-describedby={confirmInvalid ? confirm.errorId : undefined}
            />
            <label htmlFor={confirm.id}>{t('myData.confirm')}</label>
            <FieldErrors id={confirm.errorId} errors={confirm.errors} />
          </div>
          <button type="submit" className="button">
            {t('myData.deleteSubmit')}
          </button>
        </Form>
      </section>
    </div>
  )
}
