import fs from 'node:fs'
import path from 'node:path'

import nodemailer, { type Transporter } from 'nodemailer'
import type { Transport } from 'nodemailer'

/**
 * A nodemailer transport that writes each message, fully built (headers, HTML and text
 * parts), as an .eml file in a folder: e-mail capture for development, demo and tests.
 */
export function createFileTransport(dir: string): Transporter {
  const transport: Transport<{ messageId: string; path: string }> = {
    name: 'annuaire-outbox',
    version: '1.0.0',
    send(mail, callback) {
      const messageId = (mail.message.messageId() || `<${Date.now()}@localhost>`).replace(/[<>]/g, '')
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId.replace(/[^\w.-]/g, '_')}.eml`)
      mail.message.build((error, message) => {
        if (error) return callback(error, undefined as never)
        fs.mkdir(dir, { recursive: true }, (mkdirError) => {
          if (mkdirError) return callback(mkdirError, undefined as never)
          fs.writeFile(file, message, (writeError) => {
            if (writeError) return callback(writeError, undefined as never)
            callback(null, { messageId, path: file })
          })
        })
      })
    },
  }
  return nodemailer.createTransport(transport)
}
