import { rooms, type ServerToClientEvents } from '../../shared/realtime.js';
import { canSeeComplaint } from '../policies/complaints.js';
import { emitChecked, merchantRooms, regionRooms } from '../realtime/emit.js';

type ComplaintRoomsOf = Parameters<typeof complaintRooms>[0];

/** Everyone who may see a complaint: its consumer, the merchant's staff, the bureaus of both regions, watchers. */
export function complaintRooms(c: {
  _id: unknown;
  consumerId: unknown;
  merchantId: unknown;
  storeId: unknown;
  countyCode: string;
  regulatorRegion: string;
}): string[] {
  return [
    ...new Set([
      rooms.user(String(c.consumerId)),
      ...merchantRooms(c.merchantId, [c.storeId]),
      ...regionRooms(c.countyCode),
      ...regionRooms(c.regulatorRegion),
      rooms.complaint(String(c._id)),
    ]),
  ];
}

/**
 * A complaint's live event, to those of its rooms' sockets who may see the complaint as it is now: a
 * redirected or transferred complaint is no longer sent to its former merchant or bureau, and their
 * sockets leave its watch room.
 */
export function emitToComplaint<E extends keyof ServerToClientEvents>(
  c: ComplaintRoomsOf,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  emitChecked(complaintRooms(c), (actor) => canSeeComplaint(actor, c), rooms.complaint(String(c._id)), event, ...args);
}
