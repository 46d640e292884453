// Filing through HTTP at concurrency 10 against the engine's own speed (raw driver insertOne of a
// document the size of a stored complaint, also 10 at a time), and the merchant's answer as the
// transition every complaint goes through.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import type { ApiClient } from '../test/helpers/http.js';
import { percentile } from './stats.js';

const CONCURRENCY = 10;

/** Runs `op` CONCURRENCY at a time until `count` are done or `budgetMs` passed; returns ops per second. */
async function rate(op: (i: number) => Promise<void>, count: number, budgetMs: number): Promise<{ perSecond: number; done: number }> {
  let next = 0;
  let done = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < count && performance.now() - start < budgetMs) {
      await op(next++);
      done++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { perSecond: done / ((performance.now() - start) / 1000), done };
}

export function filingBody(storeId: string, i: number) {
  return {
    storeId,
    product: { name: '保温杯', category: 'daily_goods', brand: '优品' },
    purchase: { date: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10), amountFen: 5900, channel: 'in_store' },
    problemType: 'quality',
    description: `保温效果差，不到两小时就凉了。测试 ${i}`,
    demand: { type: 'refund', amountFen: 5900 },
    contactAgreement: true,
  };
}

export interface WriteFigures {
  filingsPerSecond: number;
  rawInsertsPerSecond: number;
  filed: { id: string; version: number }[];
  transitionP95: number;
  transitions: number;
  /** Writes answered other than expected, as "status×count", and the first such answer. */
  failures: string;
  firstFailure: string;
}

export async function measureWrites(consumer: ApiClient, merchant: ApiClient, storeId: string, engineUri: string): Promise<WriteFigures> {
  const filed: { id: string; version: number }[] = [];
  const bad = new Map<string, number>();
  let firstFailure = '';
  const fail = (what: string, r: { status: number; text: string }) => {
    const k = `${what} ${r.status}`;
    bad.set(k, (bad.get(k) ?? 0) + 1);
    firstFailure ||= `${k}: ${r.text.slice(0, 200)}`;
  };
  const filings = await rate(
    async (i) => {
      const r = await consumer.post('/complaints', filingBody(storeId, i), { 'Idempotency-Key': crypto.randomUUID() });
      if (r.status === 201) filed.push({ id: String(r.body.id), version: Number(r.body.version) });
      else fail('filing', r);
    },
    200,
    15_000,
  );

  // A document of the same size as a stored complaint, inserted by the driver with no server between.
  const conn = await mongoose.createConnection(engineUri).asPromise();
  let raw: { perSecond: number };
  try {
    const sampleDoc = await conn.collection('complaints').findOne({}, { sort: { _id: -1 } });
    const scratch = conn.collection('bench_raw_inserts');
    raw = await rate(
      async () => {
        const { _id: _, ...doc } = sampleDoc ?? { _id: 0 };
        await scratch.insertOne({ ...doc, number: crypto.randomUUID() });
      },
      400,
      10_000,
    );
    await scratch.drop().catch(() => {});
  } finally {
    await conn.close();
  }

  // The merchant answers what was just filed, one at a time: each answer a separate request.
  const ms: number[] = [];
  // The version is the filing answer's: nothing else touches a complaint the merchant has not seen.
  for (const { id, version } of filed.slice(0, 20)) {
    const t = performance.now();
    const r = await merchant.post(`/complaints/${id}/transitions`, {
      action: 'respond',
      expectedVersion: version,
      responseType: 'accepted',
      remedy: { type: 'refund', amountFen: 5900 },
      messageToConsumer: '同意退款。',
    });
    ms.push(performance.now() - t);
    if (r.status !== 200) fail('transition', r);
  }
  return {
    filingsPerSecond: filings.perSecond,
    rawInsertsPerSecond: raw.perSecond,
    filed,
    transitionP95: percentile(ms, 95),
    transitions: ms.length,
    failures: [...bad].map(([k, n]) => `${k}×${n}`).join(', '),
    firstFailure,
  };
}
