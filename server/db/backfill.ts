// Fields added after a database was first written: filled once at start, so an existing ./data keeps
// working (a store written before stores could close is open; one written before listing existed is
// listed exactly when its merchant is approved; an account written before account search gets its
// organization's name and search tokens; a list entry written before the list buckets and hotspot grids
// gets their counts, and an audience's day counts move to its month scopes; a return request written
// before the desk's counts gets them and its month, and the consumer's and bureaus' list counts; a
// public record written before the public list's counts gets its buckets and counts, and before its numbers its number; the dashboard's
// figures written as province-wide day-keyed scopes are recounted per region; a sampling plan row written before the plan page read by
// bands gets its band; a flag written before the flag lists' rows gets them; mails and accounts written
// before the admin's lists read by band get their numbers, and notifications before the bell read bands theirs; merchants written before the public registry's
// rows get theirs; list entries written before their search terms held the month get them so, and their phrases, and
// before the thirds of a month (旬) theirs;
// complaint facts written before the credit inputs read them alone get the complaint's number, store and
// product name; those of complaints redirected before a redirect moved its fact move; and facts written before
// the credit inputs read bands get their numbers). Each step finds nothing the second time.
import { storedTokens } from '../search/tokens.js';
import { OrganizationModel } from '../models/Organization.js';
import { StoreModel } from '../models/Store.js';
import { UserModel } from '../models/User.js';
import { backfillProductTokens } from '../products/searchTokens.js';
import { backfillListKeys } from '../returns/listKeys.js';
import { backfillReturnCounts } from '../returns/counts.js';
import { backfillPublicCounts } from '../disclosure/counts.js';
import { backfillPublicNumbers } from '../disclosure/numbers.js';
import { backfillEntryCounts, splitDayCounts } from '../complaints/backfillCounts.js';
import { backfillMonthTerms, backfillPhraseTerms } from '../complaints/backfillTerms.js';
import { backfillHours, backfillTenDays } from '../complaints/tenDays.js';
import { migrateFigureScopes } from '../analytics/migrateScopes.js';
import { backfillPlanBands } from '../sampling/bands.js';
import { backfillOutboxNumbers } from '../mail/outbox.js';
import { backfillNotificationNumbers } from '../notifications/numbers.js';
import { numberNewAccounts } from '../accounts/numbers.js';
import { logger } from '../logger.js';
import { backfillFlagEntries } from '../products/flagEntries.js';
import { backfillMerchantRows } from '../stores/merchantRows.js';
import { backfillRedirectedFacts, backfillShownFields } from '../products/backfill.js';
import { backfillCreditNumbers } from '../products/factNumbers.js';

export async function backfillFields(): Promise<void> {
  await StoreModel.updateMany({ status: { $exists: false } }, { $set: { status: 'open' } });
  if (await StoreModel.exists({ listed: { $exists: false } })) {
    const unapproved = await OrganizationModel.find({ kind: 'merchant', status: { $ne: 'active' } }, { _id: 1 }).lean();
    await StoreModel.updateMany(
      { listed: { $exists: false }, merchantId: { $in: unapproved.map((o) => o._id) } },
      { $set: { listed: false } },
    );
    await StoreModel.updateMany({ listed: { $exists: false } }, { $set: { listed: true } });
  }
  const users = await UserModel.find({ search: { $exists: false } }, { name: 1, email: 1, orgId: 1 }).lean();
  const orgs = new Map(
    (
      await OrganizationModel.find({ _id: { $in: [...new Set(users.flatMap((u) => (u.orgId ? [u.orgId] : [])))] } }, { name: 1 }).lean()
    ).map((o) => [String(o._id), o.name]),
  );
  for (const u of users) {
    const orgName = u.orgId ? orgs.get(String(u.orgId)) : undefined;
    await UserModel.updateOne(
      { _id: u._id },
      { $set: { search: storedTokens([u.name, u.email, orgName]), ...(orgName ? { orgName } : {}) } },
    );
  }
  while ((await backfillListKeys()) > 0);
  await backfillReturnCounts();
  await backfillPublicCounts();
  while ((await backfillProductTokens()) > 0);
  await backfillEntryCounts();
  // Awaited: a search reads `tt` alone, so an entry without it would be missing from every search.
  const entries = await backfillMonthTerms();
  if (entries) logger.info({ entries }, 'list entries given month search terms: done');
  await migrateFigureScopes();
  await backfillPlanBands();
  await backfillOutboxNumbers();
  await backfillNotificationNumbers();
  await backfillMerchantRows();
  await numberNewAccounts();
  // Not awaited: on a ledger written before, it reads every scope (minutes at 50k complaints), and the
  // lists read right meanwhile (query.ts adds day keys still in an audience's scope).
  splitDayCounts().catch((e: unknown) =>
    logger.error({ err: e }, 'moving the list day counts to month scopes failed; the next start tries again'),
  );
  // None of these is awaited: each reads as before until it is done (the public lists their days, a search
  // by bigrams, a complaint list a large month's days one by one and a large day whole, the flag lists the flags, the credit inputs the complaints of the facts without their
  // fields, and days until the facts are numbered); a redirected complaint's fact moves with its merchants' credit.
  inBackground(backfillPublicNumbers, 'records', 'public records numbered');
  inBackground(backfillPhraseTerms, 'entries', 'list entries given phrase search terms');
  inBackground(backfillTenDays, 'entries', 'list entries given their third of the month');
  inBackground(backfillHours, 'entries', 'list entries given their hour');
  inBackground(backfillFlagEntries, 'flags', 'flag list rows written');
  inBackground(backfillShownFields, 'facts', 'complaint facts given their number, store and product name');
  inBackground(backfillRedirectedFacts, 'complaints', 'facts of redirected complaints moved to their new merchant');
  inBackground(backfillCreditNumbers, 'facts', 'complaint facts numbered among their merchant’s');
}

/** Runs a backfill after the start, logging what it did (nothing when it found nothing) or that it failed. */
function inBackground(run: () => Promise<number>, counted: string, done: string) {
  run().then(
    (n) => n && logger.info({ [counted]: n }, `${done}: done`),
    (e: unknown) => logger.error({ err: e }, `${done}: failed; the next start goes on`),
  );
}
