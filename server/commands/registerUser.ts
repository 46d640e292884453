import mongoose from 'mongoose';
import type { RegisterInput } from '../../shared/schemas/auth.js';
import { conflict } from '../http/errors.js';
import { OrganizationModel } from '../models/Organization.js';
import { UserModel, type UserRecord } from '../models/User.js';
import { accountNumber, countAccount } from '../accounts/numbers.js';
import { firstWriter } from '../db/firstWriter.js';
import { syncMerchantRows } from '../stores/merchantRows.js';
import { hashPassword } from '../auth/passwords.js';

/**
 * Creates a consumer (active) or a merchant account with its organization (both pending until
 * approved). The unique indexes on email and credit code decide concurrent sign-ups; a failure
 * removes what was written, so nothing half-made remains.
 */
export async function registerUser(input: RegisterInput): Promise<UserRecord> {
  const passwordHash = await hashPassword(input.password);
  let orgId: mongoose.Types.ObjectId | undefined;
  if (input.role === 'merchant' && input.merchant) {
    const org = new OrganizationModel({
      kind: 'merchant',
      key: `credit:${input.merchant.creditCode}`,
      name: input.merchant.name,
      creditCode: input.merchant.creditCode,
      regionCode: input.merchant.countyCode ?? '33',
      status: 'pending',
    });
    if (!(await firstWriter(org.save()))) throw conflict('credit_code_taken', 'A merchant with this credit code is already registered');
    orgId = org._id;
  }
  let user;
  try {
    user = new UserModel({
      ...(await accountNumber()),
      name: input.name,
      email: input.email,
      passwordHash,
      phone: input.phone,
      locale: input.locale ?? 'zh-CN',
      role: input.role,
      status: input.role === 'merchant' ? 'pending' : 'active',
      orgId,
      orgName: orgId ? input.merchant?.name : undefined,
    });
    if (!(await firstWriter(user.save()))) throw conflict('email_taken', 'An account with this email already exists');
  } catch (e) {
    if (orgId) {
      await OrganizationModel.deleteOne({ _id: orgId });
      // The hourly credit computation may have listed the pending organization meanwhile.
      await syncMerchantRows([orgId]);
    }
    throw e;
  }
  await countAccount(user);
  return user.toObject() as UserRecord;
}
