import type { Server } from 'socket.io';
import { regionChain } from '../../shared/regions.js';
import { rooms, serverEventSchemas, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/realtime.js';
import { logger } from '../logger.js';
import type { Actor } from '../policies/index.js';

let io: Server<ClientToServerEvents, ServerToClientEvents> | null = null;

export function setIo(server: typeof io): void {
  io = server;
}

/** The socket server of this process, if any (revoking sockets, checked emits). */
export function realtime(): typeof io {
  return io;
}

/** Forgets the server only if it is still the current one (tests run two instances in a process). */
export function clearIo(server: typeof io): void {
  if (io === server) io = null;
}

/** The merchant side of a record: headquarters (the organization room) and the staff of its stores. */
export function merchantRooms(merchantId: unknown, storeIds: unknown[]): string[] {
  return [rooms.org(String(merchantId)), ...new Set(storeIds.filter(Boolean).map((id) => rooms.store(String(id))))];
}

/** The rooms that may hear of a record in a county: the county, its city and the province. */
export function regionRooms(countyCode: string): string[] {
  return regionChain(countyCode).map(rooms.region);
}

/**
 * Outside production every payload is checked against the contract before it leaves: a presenter that
 * adds or drops a field fails the tests that exercise it instead of reaching clients unnoticed.
 */
function checkContract(event: keyof ServerToClientEvents, payload: unknown): void {
  if (process.env.NODE_ENV !== 'production') serverEventSchemas[event].parse(payload);
}

/**
 * Sends an event to the given rooms (each socket once, even when in several). Without a socket
 * server (seeding, commands run from the CLI) nothing is sent.
 */
export function emitTo<E extends keyof ServerToClientEvents>(to: string[], event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
  checkContract(event, args[0]);
  if (!io || to.length === 0) return;
  (io.to(to) as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, ...args);
}

/**
 * Sends an event only to the sockets of these rooms whose user may receive it now, on every instance
 * (fetchSockets goes through the Redis adapter). A socket in the `evict` room that fails the check
 * leaves it: a complaint's watchers follow its visibility. Rooms decide who is asked; the policy
 * decides who hears.
 */
export function emitChecked<E extends keyof ServerToClientEvents>(
  to: string[],
  may: (actor: Actor) => boolean,
  evict: string | null,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  checkContract(event, args[0]);
  const server = io;
  if (!server || to.length === 0) return;
  const deliver = (sockets: Awaited<ReturnType<typeof server.fetchSockets>>) => {
    const allowed: string[] = [];
    for (const s of sockets) {
      const actor = s.data.actor as Actor | undefined;
      if (actor && may(actor)) allowed.push(s.id);
      else if (evict && s.rooms.has(evict)) s.leave(evict);
    }
    // One broadcast to the allowed sockets (each is the room of its own id): the packet is encoded
    // once, not once per socket (a province's 1,000 sockets took twice a bare broadcast's time).
    if (allowed.length) (server.to(allowed) as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, ...args);
  };
  server
    .in(to)
    .fetchSockets()
    .then(deliver)
    // An instance that does not answer in time must not silence this one: its own sockets still hear.
    .catch(async (e: unknown) => {
      logger.warn({ err: e, event }, 'checked emit reached this instance only');
      deliver(await server.local.in(to).fetchSockets());
    })
    .catch((e: unknown) => logger.warn({ err: e, event }, 'checked emit failed'));
}
