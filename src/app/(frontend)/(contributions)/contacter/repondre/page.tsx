import type { Metadata } from 'next'

import { replyContext } from '@/contributions/replies'
import { ErrorSummary, Form, FormGuardFields, TextArea, TextField } from '@/forms/components'
import { issueFormToken } from '@/forms/guard'
import { formState } from '@/forms/pageState'
import { sitePayload } from '@/site/payload'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Répondre à un message', robots: { index: false } }

const OUTCOMES: Record<string, string> = {
  sent: 'Votre réponse a été transmise par e-mail. Votre adresse n’a pas été communiquée : si votre correspondant vous répond, vous le recevrez de la même façon.',
  flagged: 'Votre réponse a été reçue. Elle sera relue par la mairie avant d’être transmise.',
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/**
 * The « Répondre » link of a relayed e-mail: a form, no account needed. Opening the link
 * changes nothing; the answer is relayed without revealing anyone's address.
 */
export default async function ReplyPage({ searchParams }: Props) {
  const query = await searchParams
  const outcome = typeof query.envoye === 'string' ? OUTCOMES[query.envoye] : undefined
  if (outcome) {
    return (
      <div className="container prose">
        <h1>Réponse envoyée</h1>
        <div className="success-box" role="status">
          <p>{outcome}</p>
        </div>
        <p>
          <a href="/">Revenir à l’accueil</a>
        </p>
      </div>
    )
  }
  const context = await replyContext(await sitePayload(), query.message, query.signature)
  if (!context) {
    return (
      <div className="container prose">
        <h1>Lien de réponse invalide</h1>
        <div className="notice-box" role="status">
          <p>
            Ce lien n’est pas valide ou le message n’existe plus : vérifiez qu’il est complet en le copiant depuis l’e-mail
            reçu.
          </p>
        </div>
        <p>
          <a href="/">Revenir à l’accueil</a>
        </p>
      </div>
    )
  }
  const state = await formState('reply', query)
  const { message, side, target } = context
  // A business or association answers under its name; an announcement's author under her own.
  const defaultName = side === 'entry' ? (target.kind === 'announcements' ? '' : target.title) : (context.root.senderName ?? '')
  const link = new URLSearchParams({ message: String(query.message), signature: String(query.signature) })
  return (
    <div className="container prose">
      <h1>Répondre à {message.senderName}</h1>
      <p>Au sujet de « {target.title} ». Le message reçu :</p>
      <blockquote className="reply-quote">
        {message.message.split('\n').map((line, index) => (
          <p key={index}>{line}</p>
        ))}
      </blockquote>
      <p>
        Votre réponse est transmise par e-mail, sans votre adresse : {message.senderName} ne la verra pas, sauf si vous
        l’écrivez dans votre message.
      </p>
      <div id="formulaire">
        <ErrorSummary state={state} />
        <Form action={`/contacter/repondre/envoyer?${link}`}>
          <FormGuardFields token={issueFormToken('reply', null)} />
          <TextField name="senderName" label="Votre nom" state={state} required autoComplete="name" maxLength={100} defaultValue={defaultName} />
          <TextArea name="message" label="Votre réponse" state={state} required maxLength={3000} hint="Jusqu’à 3 000 caractères." />
          <button type="submit" className="button">
            Envoyer ma réponse
          </button>
        </Form>
      </div>
    </div>
  )
}
