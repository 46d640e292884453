import type http from 'node:http';
import type { RequestHandler } from 'express';
import passport from 'passport';
import { Server, type Socket } from 'socket.io';
import { rooms, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/realtime.js';
import type { Actor } from '../policies/index.js';
import { allowed } from '../policies/index.js';
import { logger } from '../logger.js';
import { clearIo, setIo } from './emit.js';
import { DEFAULT_SOCKET_RATE, limitRate, originAllowed, type SocketRate } from './guard.js';
import { socketHandlers } from './handlers.js';
import { sessionRoom } from './revoke.js';

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Rooms a socket joins at connect: its user, its organization, and a regulator's region. */
export function roomsFor(actor: Actor): string[] {
  const r = [rooms.user(actor.id)];
  // Store staff hear of their store only; the organization room is headquarters'.
  if (actor.storeId) r.push(rooms.store(actor.storeId));
  else if (actor.orgId) r.push(rooms.org(actor.orgId));
  // A county event is also sent to its city and province rooms, so a regulator joins only its own
  // region: joining the ancestors would show a county bureau its neighbours' complaints.
  if (actor.role === 'regulator' && actor.regionCode) r.push(rooms.region(actor.regionCode));
  if (actor.role === 'admin') r.push(rooms.region('33'));
  return r;
}

// The session and passport run only on the handshake request, not on every polling request.
function onlyForHandshake(middleware: RequestHandler) {
  return (req: { _query: Record<string, string> }, res: unknown, next: (e?: unknown) => void) => {
    const isHandshake = req._query.sid === undefined;
    if (isHandshake) (middleware as unknown as (a: unknown, b: unknown, c: unknown) => void)(req, res, next);
    else next();
  };
}

export interface RealtimeOptions {
  redisUrl?: string;
  /** PUBLIC_URL: a browser socket from this origin (or the host it came to) is accepted. */
  publicUrl?: string;
  rate?: SocketRate;
}

export async function attachRealtime(server: http.Server, session: RequestHandler, opts: RealtimeOptions = {}) {
  const { redisUrl, publicUrl, rate = DEFAULT_SOCKET_RATE } = opts;
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(server, {
    path: '/socket.io',
    serveClient: false,
    // Another site's page must not open a socket with our visitor's cookie (cross-site WebSocket hijacking).
    allowRequest: (req, cb) => cb(originAllowed(req, publicUrl) ? null : 'origin not allowed', originAllowed(req, publicUrl)),
  });
  io.engine.use(onlyForHandshake(session));
  io.engine.use(onlyForHandshake(passport.session() as RequestHandler));
  io.engine.use(
    onlyForHandshake(((req, res, next) => {
      if (allowed((req.user as Actor | undefined) ?? null, 'socket:connect')) return next();
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'unauthenticated', message: 'Sign in first' } }));
    }) as RequestHandler),
  );

  let redis: { pub: { quit(): Promise<unknown> }; sub: { quit(): Promise<unknown> } } | null = null;
  if (redisUrl) {
    // Loaded only with Redis: a single instance does not hold the client's code (about 2 MB of source).
    const [{ createClient }, { createAdapter }] = await Promise.all([import('redis'), import('@socket.io/redis-adapter')]);
    const pub = createClient({ url: redisUrl });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub as never, sub as never));
    redis = { pub, sub };
  }

  io.on('connection', (socket: AppSocket) => {
    const req = socket.request as unknown as { user: Actor; sessionID?: string };
    const actor = req.user;
    socket.data.actor = actor;
    // The session room lets sign-out end exactly the sockets this session opened.
    void socket.join([...roomsFor(actor), ...(req.sessionID ? [sessionRoom(req.sessionID)] : [])]);
    // The handshake request (its session, cookie, raw headers: about 3 KB) is not read again once the
    // actor and session are known; engine.io would keep it for the socket's life.
    (socket.conn as { request: unknown }).request = null;
    limitRate(socket, rate);
    for (const h of socketHandlers) h(socket, actor);
  });
  setIo(io);
  logger.debug({ redis: !!redis }, 'realtime attached');

  return {
    io,
    async close() {
      clearIo(io);
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (redis) await Promise.allSettled([redis.pub.quit(), redis.sub.quit()]);
    },
  };
}
