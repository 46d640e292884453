import argon2 from 'argon2';
import mongoose from 'mongoose';
import type { RegisterInput } from '../../shared/schemas/auth.js';
import { conflict, isDuplicateKey } from '../http/errors.js';
import { OrganizationModel } from '../models/Organization.js';
import { UserModel, type UserRecord } from '../models/User.js';
import { accountNumber, countAccount } from '../accounts/numbers.js';

/**
 * Creates a consumer (active) or a merchant account with its organization (both pending until
 * approved). The unique indexes on email and credit code decide concurrent sign-ups; a failure
 * removes what was written, so nothing half-made remains.
 */
export async function registerUser(input: RegisterInput): Promise<UserRecord> {
  const passwordHash = await argon2.hash(input.password);
  let orgId: mongoose.Types.ObjectId | undefined;
  if (input.role === 'merchant' && input.merchant) {
    try {
      const org = await OrganizationModel.create({
        kind: 'merchant',
        key: `credit:${input.merchant.creditCode}`,
        name: input.merchant.name,
        creditCode: input.merchant.creditCode,
        regionCode: input.merchant.countyCode ?? '33',
        status: 'pending',
      });
      orgId = org._id;
    } catch (e) {
      if (isDuplicateKey(e)) throw conflict('credit_code_taken', 'A merchant with this credit code is already registered');
      throw e;
    }
  }
  let user;
  try {
    user = await UserModel.create({
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
  } catch (e) {
    if (orgId) await OrganizationModel.deleteOne({ _id: orgId });
    if (isDuplicateKey(e)) throw conflict('email_taken', 'An account with this email already exists');
    throw e;
  }
  await countAccount(user);
  return user.toObject() as UserRecord;
}
