import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { MarkdownForm } from '~/components/challenge/MarkdownForm'
import { useTranslation } from '~/i18n-react'
import { formatDate, formatDateTime } from '~/utils/format'
import { photosFor, resultFor } from '~/utils/intent-reply'
import type { Appeals, Me, PageState } from './types'

/**
 * The parts every post on the challenge page (comment, proposal, pledge) is made of: who wrote
 * it, when, the owner's buttons, the form that starts one.
 */

/** An organisation's name links to its page; a deleted account reads "former member". */
export function PostAuthor(props: {
  name: string | null
  organisation?: { slug: string | null; name: string | null }
}) {
  const { t } = useTranslation()
  const { organisation } = props
  if (organisation?.slug) {
    return <Link to={`/organisations/${organisation.slug}`}>{organisation.name}</Link>
  }
  return <>{props.name ?? t('challenge.formerMember')}</>
}

/** "Who · when · edited", the line above a post's text. */
export function PostMeta(props: {
  children: ReactNode
  date: string
  /** Comments show the time of day too: a discussion moves within hours. */
  withTime?: boolean
  edited: boolean
}) {
  const { t, i18n } = useTranslation()
  const format = props.withTime ? formatDateTime : formatDate
  return (
    <p className="meta">
      {props.children} · <time dateTime={props.date}>{format(props.date, i18n.language)}</time>
      {props.edited && <> · {t('challenge.edited')}</>}
    </p>
  )
}

/** A button that sends one intent about one post (delete, withdraw, accept). */
export function PostButton(props: {
  action: string
  intent: string
  targetId: number
  className?: string
  children: ReactNode
}) {
  return (
    <Form method="post" action={props.action}>
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="targetId" value={props.targetId} />
      <button type="submit" className={props.className ?? 'link-button'}>
        {props.children}
      </button>
    </Form>
  )
}

/** What a photo gallery under a post needs to offer its flag and appeal controls. */
export const photoControls = (page: PageState, appeals: Appeals, actionData: unknown) => ({
  action: page.action,
  takesPart: page.takesPart,
  appeals,
  actionData,
})

/**
 * The folded form that starts a proposal or a pledge, in one's own name or an organisation's;
 * open again when the action answered it (with the input and its errors).
 */
export function NewPostForm(props: {
  intent: 'solution' | 'pledge'
  schema: z.ZodTypeAny
  page: PageState
  me: Me
  actionData: unknown
  summary: string
  field: 'body' | 'plan'
  label: string
  hint: string
  submit: string
  rows?: number
  /** Proposals take photos; a pledge's photos come with its progress updates. */
  photos?: boolean
}) {
  const { page, intent } = props
  const lastResult = resultFor(props.actionData, intent)
  if (!page.signedIn || !page.active) return null
  return (
    <details open={Boolean(lastResult)}>
      <summary>{props.summary}</summary>
      <MarkdownForm
        id={intent}
        intent={intent}
        schema={props.schema}
        lastResult={lastResult}
        field={props.field}
        label={props.label}
        hint={props.hint}
        submit={props.submit}
        organisations={props.me?.organisations}
        rows={props.rows}
        photos={props.photos ? { reply: photosFor(props.actionData, intent) } : undefined}
      />
    </details>
  )
}
