// The forms for whatever the viewer may do now; the server lists those actions on the complaint
// (`allowedActions`, from the shared lifecycle table), so no button is shown that would be refused.
import type { Complaint } from './api';
import { ConsumerDecision, RedirectForm } from './ConsumerActions';
import { RateForm } from './RateForm';
import { MediationForm, RegulatorActions } from './RegulatorActions';
import { RespondForm } from './RespondForm';
import type { Act } from './useAction';

export function ComplaintActions({ complaint: c, act }: { complaint: Complaint; act: Act }) {
  const allowed = c.allowedActions;
  const regulatorMoves = allowed.filter((a) => a === 'accept' || a === 'decline' || a === 'transfer');
  // A rating may come first and the promise answer later, when the remedy was due.
  const wantsRating = allowed.includes('rate') && (!c.rating || (!!c.promiseCheckAt && c.rating.promiseKept === undefined));
  return (
    <>
      {allowed.includes('respond') && <RespondForm act={act} />}
      {allowed.includes('accept_response') && <ConsumerDecision act={act} />}
      {allowed.includes('redirect') && <RedirectForm act={act} currentStoreId={c.storeId} />}
      {regulatorMoves.length > 0 && (
        <RegulatorActions
          act={act}
          allowed={regulatorMoves}
          urgentEarly={c.status === 'awaiting_merchant' || c.status === 'merchant_responded'}
          currentRegion={c.regulatorRegion}
        />
      )}
      {allowed.includes('mediation_succeeded') && <MediationForm act={act} />}
      {wantsRating && <RateForm act={act} askPromise={!!c.promiseCheckAt} />}
    </>
  );
}
