/**
 * The Reply-To of relayed messages: an address nobody reads, so that answering the e-mail
 * never reaches the other party (they answer through the « Répondre » link instead).
 * EMAIL_NO_REPLY sets it; otherwise `ne-pas-repondre@` the domain of EMAIL_FROM.
 */
export function noReplyAddress(): string {
  const configured = process.env.EMAIL_NO_REPLY?.trim()
  if (configured) return configured
  const from = process.env.EMAIL_FROM?.trim() || 'annuaire@localhost'
  const domain = from.split('@')[1] || 'localhost'
  return `ne-pas-repondre@${domain}`
}
