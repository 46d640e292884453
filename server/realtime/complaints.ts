// complaint:watch / complaint:unwatch: a socket joins a complaint's room only if its user may see it.
import mongoose from 'mongoose';
import { rooms } from '../../shared/realtime.js';
import { ComplaintModel } from '../models/Complaint.js';
import { allowed } from '../policies/index.js';
import { canSeeComplaint } from '../policies/complaints.js';
import type { SocketHandler } from './handlers.js';

const notFound = { error: { code: 'not_found', message: 'Complaint not found' } };

export const complaintSocketHandler: SocketHandler = (socket, actor) => {
  socket.on('complaint:watch', async (p: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => {};
    try {
      const id = (p as { id?: unknown } | null)?.id;
      if (!allowed(actor, 'complaint:watch')) return reply({ error: { code: 'forbidden', message: 'You may not do this' } });
      if (typeof id !== 'string' || !mongoose.isValidObjectId(id) || !/^[0-9a-f]{24}$/.test(id))
        return reply({ error: { code: 'invalid_input', message: 'id must be a complaint id' } });
      const c = await ComplaintModel.findById(id, { consumerId: 1, merchantId: 1, storeId: 1, countyCode: 1, regulatorRegion: 1 }).lean();
      if (!c || !canSeeComplaint(actor, c)) return reply(notFound);
      await socket.join(rooms.complaint(id));
      reply({ ok: true });
    } catch {
      reply({ error: { code: 'internal', message: 'Could not watch' } });
    }
  });
  socket.on('complaint:unwatch', async (p: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (r: unknown) => void) : () => {};
    const id = (p as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !/^[0-9a-f]{24}$/.test(id))
      return reply({ error: { code: 'invalid_input', message: 'id must be a complaint id' } });
    await socket.leave(rooms.complaint(id));
    reply({ ok: true });
  });
};
