import type { Server } from 'socket.io';
import { regionChain } from '../../shared/regions.js';
import { rooms, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/realtime.js';

let io: Server<ClientToServerEvents, ServerToClientEvents> | null = null;

export function setIo(server: typeof io): void {
  io = server;
}

/** Forgets the server only if it is still the current one (tests run two instances in a process). */
export function clearIo(server: typeof io): void {
  if (io === server) io = null;
}

/** The rooms that may hear of a record in a county: the county, its city and the province. */
export function regionRooms(countyCode: string): string[] {
  return regionChain(countyCode).map(rooms.region);
}

/**
 * Sends an event to the given rooms (each socket once, even when in several). Without a socket
 * server (seeding, commands run from the CLI) nothing is sent.
 */
export function emitTo<E extends keyof ServerToClientEvents>(
  to: string[],
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  if (!io || to.length === 0) return;
  (io.to(to) as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, ...args);
}
