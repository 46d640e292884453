import { rooms } from '../../shared/realtime.js';
import { regionRooms } from '../realtime/emit.js';

/** Everyone who may see a complaint: its consumer, the merchant's staff, the bureaus of both regions, watchers. */
export function complaintRooms(c: { _id: unknown; consumerId: unknown; merchantId: unknown; countyCode: string; regulatorRegion: string }): string[] {
  return [
    ...new Set([
      rooms.user(String(c.consumerId)),
      rooms.org(String(c.merchantId)),
      ...regionRooms(c.countyCode),
      ...regionRooms(c.regulatorRegion),
      rooms.complaint(String(c._id)),
    ]),
  ];
}
