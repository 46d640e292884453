// A real SMTP server for the mail tests (smtp-server): no TLS, no authentication, on loopback.
import { SMTPServer } from 'smtp-server';

export interface SmtpMessage {
  to: string[];
  raw: string;
}

/** Listens on `port` and hands each accepted message to `onMessage` once it is acknowledged. */
export async function smtpUp(port: number, onMessage: (m: SmtpMessage) => void): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 2000,
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString()));
      stream.on('end', () => {
        // Read the envelope before acknowledging: the session is reset for the next message then.
        const message = { to: session.envelope.rcptTo.map((r) => r.address), raw };
        cb();
        onMessage(message);
      });
    },
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return server;
}

export const smtpDown = (server: SMTPServer) => new Promise<void>((r) => server.close(() => r()));
