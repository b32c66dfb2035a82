import { type RenderedEmail, renderEmail, siteName } from '../layout'

export function verifyAccountEmail(input: { name?: string | null; url: string; territoryName: string | null }): RenderedEmail {
  return renderEmail({
    subject: `Confirmez votre adresse e-mail — ${siteName(input.territoryName)}`,
    greeting: input.name ? `Bonjour ${input.name},` : 'Bonjour,',
    territoryName: input.territoryName,
    blocks: [
      { p: 'Votre compte sur l’annuaire local est presque prêt. Confirmez votre adresse e-mail pour pouvoir vous connecter :' },
      { link: input.url, label: 'Confirmer mon adresse e-mail' },
      { p: 'Si vous n’avez pas créé de compte, ignorez cet e-mail.' },
    ],
  })
}

export function resetPasswordEmail(input: { name?: string | null; url: string; territoryName: string | null }): RenderedEmail {
  return renderEmail({
    subject: `Choisissez un nouveau mot de passe — ${siteName(input.territoryName)}`,
    greeting: input.name ? `Bonjour ${input.name},` : 'Bonjour,',
    territoryName: input.territoryName,
    blocks: [
      { p: 'Vous avez demandé à changer le mot de passe de votre compte. Ce lien est valable une heure et ne sert qu’une fois :' },
      { link: input.url, label: 'Choisir un nouveau mot de passe' },
      { p: 'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe actuel reste valable.' },
    ],
  })
}

/** To the owner of an address someone tried to sign up with again (the form answers as for a new account). */
export function signUpAttemptEmail(input: { name?: string | null; loginUrl: string; resetUrl: string; territoryName: string | null }): RenderedEmail {
  return renderEmail({
    subject: `Tentative de création de compte avec votre adresse — ${siteName(input.territoryName)}`,
    greeting: input.name ? `Bonjour ${input.name},` : 'Bonjour,',
    territoryName: input.territoryName,
    blocks: [
      { p: 'Quelqu’un a tenté de créer un compte avec votre adresse e-mail, qui a déjà un compte sur l’annuaire local. Aucun nouveau compte n’a été créé.' },
      { p: 'Si c’était vous, connectez-vous avec votre compte existant :' },
      { link: input.loginUrl, label: 'Me connecter' },
      { p: 'Mot de passe oublié ? Choisissez-en un nouveau :' },
      { link: input.resetUrl, label: 'Choisir un nouveau mot de passe' },
      { p: 'Si ce n’était pas vous, ignorez cet e-mail : votre compte n’a pas changé.' },
    ],
  })
}

/** To the new address an account asked to use: the change happens only when this link is followed. */
export function emailChangeConfirmEmail(input: { url: string; territoryName: string | null }): RenderedEmail {
  return renderEmail({
    subject: `Confirmez votre nouvelle adresse e-mail — ${siteName(input.territoryName)}`,
    greeting: 'Bonjour,',
    territoryName: input.territoryName,
    blocks: [
      { p: 'Quelqu’un a demandé que cette adresse devienne celle de son compte sur l’annuaire local. Si c’est vous, confirmez-la (lien valable 24 heures) :' },
      { link: input.url, label: 'Confirmer ma nouvelle adresse' },
      { p: 'Tant que vous n’avez pas confirmé, votre compte garde son adresse actuelle. Si vous n’avez rien demandé, ignorez cet e-mail.' },
    ],
  })
}

/** To the current address of an account, when a change of address is asked. */
export function emailChangeRequestedEmail(input: { name?: string | null; newEmail: string; cancelUrl: string; resetUrl: string; territoryName: string | null }): RenderedEmail {
  return renderEmail({
    subject: `Demande de changement d’adresse e-mail — ${siteName(input.territoryName)}`,
    greeting: input.name ? `Bonjour ${input.name},` : 'Bonjour,',
    territoryName: input.territoryName,
    blocks: [
      {
        p: `Quelqu’un connecté à votre compte, avec votre mot de passe, a demandé que l’adresse de votre compte devienne ${input.newEmail}. Rien ne change tant que cette nouvelle adresse n’est pas confirmée.`,
      },
      { p: 'Si ce n’était pas vous, annulez cette demande :' },
      { link: input.cancelUrl, label: 'Annuler cette demande' },
      { p: 'puis choisissez un nouveau mot de passe (cela ferme les autres connexions et annule aussi la demande) :' },
      { link: input.resetUrl, label: 'Choisir un nouveau mot de passe' },
    ],
  })
}

/** To the previous address of an account, once its address changed. */
export function emailChangedEmail(input: { name?: string | null; newEmail: string; territoryName: string | null }): RenderedEmail {
  return renderEmail({
    subject: `Adresse e-mail de votre compte changée — ${siteName(input.territoryName)}`,
    greeting: input.name ? `Bonjour ${input.name},` : 'Bonjour,',
    territoryName: input.territoryName,
    blocks: [
      { p: `L’adresse e-mail de votre compte est maintenant ${input.newEmail}. Cette adresse-ci ne permet plus de vous connecter.` },
      { p: 'Si ce n’était pas vous, prévenez tout de suite votre mairie : elle peut redonner votre ancienne adresse à votre compte.' },
    ],
  })
}
