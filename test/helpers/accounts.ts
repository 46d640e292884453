// Invited accounts through the real flow: invite over the API, read the link from the outbox mail,
// set the password through the link, and come back signed in.
import { expect } from 'chai';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import { ApiClient } from './http.js';

export const INVITEE_PASSWORD = 'invited-staff-pw-1';

/** The token of the newest invitation mailed to this address. */
export async function invitationToken(email: string): Promise<string> {
  const mail = await OutboxMailModel.findOne({ to: email }).sort({ _id: -1 }).lean();
  const m = /\/invitation\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
  if (!m) throw new Error(`no invitation mail to ${email}`);
  return m[1]!;
}

export async function invite(inviter: ApiClient, body: Record<string, unknown>): Promise<{ id: string }> {
  const r = await inviter.post('/users/invitations', body);
  expect(r.status, r.text).to.equal(201);
  return r.body;
}

/** Invites, accepts, and returns the invitee's signed-in client and account id. */
export async function invitedClient(
  inviter: ApiClient,
  body: { email: string; name: string } & Record<string, unknown>,
): Promise<{ client: ApiClient; id: string }> {
  const { id } = await invite(inviter, body);
  const client = new ApiClient(inviter.baseUrl);
  await client.fetchCsrf();
  const r = await client.post(`/invitations/${await invitationToken(body.email)}/accept`, { password: INVITEE_PASSWORD });
  expect(r.status, r.text).to.equal(200);
  await client.fetchCsrf();
  return { client, id };
}
