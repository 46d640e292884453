// How mail leaves: SMTP when SMTP_URL is set, else .eml files under DATA_DIR/mail for the admin outbox.
import path from 'node:path';
import nodemailer from 'nodemailer';
import { loadConfig } from '../config.js';

export interface MailSettings {
  smtpUrl?: string;
  dataDir: string;
  from: string;
}

let settings: MailSettings | null = null;
let smtp: { url: string; transport: ReturnType<typeof nodemailer.createTransport> } | null = null;

export function mailSettings(): MailSettings {
  if (!settings) {
    const c = loadConfig();
    settings = { smtpUrl: c.SMTP_URL, dataDir: c.dataDir, from: c.MAIL_FROM };
  }
  return settings;
}

/** Overrides the environment (tests point at their own SMTP server or directory). */
export function configureMail(s: Partial<MailSettings>): void {
  settings = { ...mailSettings(), ...s };
}

export function mailDir(): string {
  return path.join(mailSettings().dataDir, 'mail');
}

/** A pooled-free SMTP transport for the configured URL (short timeouts: the outbox retries). */
export function smtpTransport(url: string) {
  if (smtp?.url !== url) {
    smtp?.transport.close();
    smtp = {
      url,
      transport: nodemailer.createTransport(url, { connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 10000 } as never),
    };
  }
  return smtp.transport;
}

/** The raw RFC 822 message (for .eml files and the outbox download). */
export async function composeEml(mail: {
  to: string;
  subject: string;
  text: string;
  messageId?: string | null;
  date?: Date;
}): Promise<Buffer> {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = (await t.sendMail({
    from: mailSettings().from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.date ? { date: mail.date } : {}),
  })) as { message: Buffer };
  return info.message;
}
