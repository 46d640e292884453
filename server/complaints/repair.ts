// The events are the truth; these bring what is derived from them (the complaint document and its
// list entry and counts) up to them after a crash between the event insert and those writes.
import type mongoose from 'mongoose';
import { addDeltas } from '../counts/ledger.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintEventModel } from '../models/ComplaintEvent.js';
import { entryCountDeltas } from './entries.js';
import { fold, type ComplaintState, type EventLike } from './projection.js';
import { storeEntries, writeNewerEntryRow } from './storeEntries.js';
import { firstWriter } from '../db/firstWriter.js';

/** Writes a projection that is behind its events; a concurrent repair writing the same is no error. */
async function writeProjection(state: ComplaintState): Promise<void> {
  await firstWriter(ComplaintModel.replaceOne({ _id: state._id }, state, { upsert: true }));
}

/** Brings a projection up to its events (after a crash between event insert and projection write). */
export async function syncProjection(id: mongoose.Types.ObjectId | string): Promise<ComplaintRecord | null> {
  const stored = await ComplaintModel.findById(id).lean();
  const events = await ComplaintEventModel.find({ complaintId: id }).sort({ seq: 1 }).lean();
  const state = fold(events as never);
  if (state && (!stored || stored.version < state.version)) {
    await writeProjection(state);
    await storeEntries(stored as never, state as never);
    return (await ComplaintModel.findById(id).lean()) as ComplaintRecord;
  }
  return stored as ComplaintRecord | null;
}

/**
 * The complaint as it was right after `event`, for effects resumed after a crash: the projection is
 * brought up to the events and this event's count deltas and the latest list entry are written
 * (both idempotent), in case the crash came before them.
 */
export async function stateAfter(event: { complaintId: unknown; seq: number; at: Date }): Promise<ComplaintState> {
  const events = (await ComplaintEventModel.find({ complaintId: event.complaintId }).lean()) as unknown as EventLike[];
  const latest = fold(events);
  const after = fold(events.filter((e) => e.seq <= event.seq));
  if (!latest || !after) throw new Error(`no events of complaint ${String(event.complaintId)}`);
  const stored = await ComplaintModel.findById(event.complaintId, { version: 1 }).lean();
  if (!stored || stored.version < latest.version) await writeProjection(latest);
  await addDeltas(entryCountDeltas(fold(events.filter((e) => e.seq < event.seq)) as never, after as never, event.at));
  await writeNewerEntryRow(latest as never);
  return after;
}
