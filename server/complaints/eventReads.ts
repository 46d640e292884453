// What the handlers of one complaint event share (server/events/bus.ts): the complaint as stored,
// read once when a handler first asks, and its fact, handed on by the handler that recorded it. Each
// handler used to read both itself: a filing read its complaint twice and its fact three times after
// the answer (issue 8), and every read is a command the engine translates on the request's cores.
import mongoose from 'mongoose';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintFactModel, type ComplaintFactRecord } from '../models/ComplaintFact.js';

export interface ComplaintReads {
  /** The complaint as stored when first asked (its handlers run one after another, within moments). */
  complaint(): Promise<ComplaintRecord | null>;
  /** Its fact: the one a handler recorded or found, else read once. */
  fact(): Promise<ComplaintFactRecord | null>;
  /** A handler that recorded or found the fact hands it on to those after it. */
  knowFact(fact: ComplaintFactRecord | null): void;
}

/**
 * `stored`: the complaint's document as its command stored it moments before (a filing's), which the
 * handlers take as their read. A read here could have found a later event's change as well, or not,
 * as the two raced; that event's own handlers copy what it changed (products/facts.ts).
 */
export function complaintReads(complaintId: string, stored?: ComplaintRecord | null): ComplaintReads {
  const id = new mongoose.Types.ObjectId(complaintId);
  let complaint: Promise<ComplaintRecord | null> | undefined = stored ? Promise.resolve(stored) : undefined;
  let fact: Promise<ComplaintFactRecord | null> | undefined;
  return {
    complaint: () => (complaint ??= ComplaintModel.findById(id).lean<ComplaintRecord>().exec()),
    fact: () => (fact ??= ComplaintFactModel.findById(id).lean<ComplaintFactRecord>().exec()),
    knowFact: (f) => void (fact = Promise.resolve(f)),
  };
}
