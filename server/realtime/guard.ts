// What a socket must pass besides its session: a browser page of our own origin (so another site
// cannot open a socket with the visitor's cookie), and a bounded rate of events per socket.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'socket.io';

/**
 * A browser always sends Origin on a socket; it must be the configured public URL or the host the
 * request came to (same origin, also behind the dev proxy). Clients that are not browsers send none.
 */
export function originAllowed(req: Pick<IncomingMessage, 'headers'>, publicUrl?: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl && o.origin === new URL(publicUrl).origin) return true;
  return !!req.headers.host && o.host === req.headers.host && (o.protocol === 'http:' || o.protocol === 'https:');
}

/** A token bucket per socket: `burst` events at once, refilled at `perSecond`. */
export interface SocketRate {
  burst: number;
  perSecond: number;
}

export const DEFAULT_SOCKET_RATE: SocketRate = { burst: 30, perSecond: 10 };

/** Drops events over the socket's rate, answering an ack (if any) with `rate_limited`. */
export function limitRate(socket: Socket, rate: SocketRate): void {
  let tokens = rate.burst;
  let last = Date.now();
  socket.use((packet, next) => {
    const t = Date.now();
    tokens = Math.min(rate.burst, tokens + ((t - last) / 1000) * rate.perSecond);
    last = t;
    if (tokens >= 1) {
      tokens -= 1;
      return next();
    }
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function')
      (ack as (r: unknown) => void)({ error: { code: 'rate_limited', message: 'Too many events; slow down' } });
  });
}
