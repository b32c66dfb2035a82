import { ConfigurationError } from '../database/parseDatabaseUri'
import type { DatabaseTarget } from '../database/parseDatabaseUri'

/** Turns a start-up failure into one sentence that says what to fix (French, then English). */
export function explainStartupError(error: unknown, context: { port: number; database?: DatabaseTarget }): string {
  if (error instanceof ConfigurationError) return error.message
  const err = error as NodeJS.ErrnoException & { cause?: unknown }
  const message = String(err?.message ?? error)
  if (err?.code === 'EADDRINUSE') {
    return (
      `Le port ${context.port} est déjà utilisé par un autre programme : arrêtez-le ou choisissez un autre port, ` +
      `par exemple PORT=3001. (Port ${context.port} is already in use.)`
    )
  }
  if (context.database?.kind === 'postgres' && /connect|ECONNREFUSED|password|does not exist|timeout/i.test(message)) {
    return (
      `La base PostgreSQL de DATABASE_URI ne répond pas (${message.replace(/^Error: /, '')}) : vérifiez que le serveur ` +
      `tourne et que l'adresse, l'utilisateur et le mot de passe sont justes. (PostgreSQL is unreachable.)`
    )
  }
  if (context.database?.kind === 'mongodb' && /connect|ECONNREFUSED|Server selection|timed out/i.test(message)) {
    return (
      `La base MongoDB de DATABASE_URI ne répond pas (${message}) : vérifiez que le serveur tourne et que ` +
      `l'adresse est juste. (MongoDB is unreachable.)`
    )
  }
  if (context.database?.kind === 'sqlite' && /SQLITE|EACCES|EROFS|ENOENT/i.test(message)) {
    return (
      `Impossible d'ouvrir la base SQLite ${context.database.filePath} (${message}) : vérifiez que le dossier existe ` +
      `et qu'il est accessible en écriture. (Cannot open the SQLite database.)`
    )
  }
  return `Le démarrage a échoué : ${message} (Start-up failed.)`
}
