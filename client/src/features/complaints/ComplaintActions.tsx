// The forms for whatever the viewer may do now; the server lists those actions on the complaint
// (`allowedActions`, from the shared lifecycle table), so no button is shown that would be refused.
import type { Complaint } from './api';
import { ConsumerDecision, RedirectForm } from './ConsumerActions';
import { RateForm } from './RateForm';
import { ConfirmRemedy, RecordFulfilmentForm } from './RemedyActions';
import { MediationForm, RegulatorActions } from './RegulatorActions';
import { RespondForm } from './RespondForm';
import type { Act } from './useAction';

export function ComplaintActions({ complaint: c, act }: { complaint: Complaint; act: Act }) {
  const allowed = c.allowedActions;
  const regulatorMoves = allowed.filter((a) => a === 'accept' || a === 'decline' || a === 'transfer');
  const wantsRating = allowed.includes('rate') && !c.rating;
  return (
    <>
      {allowed.includes('respond') && <RespondForm complaintId={c.id} act={act} />}
      {allowed.includes('accept_response') && <ConsumerDecision act={act} />}
      {allowed.includes('redirect') && <RedirectForm act={act} currentStoreId={c.storeId} />}
      {regulatorMoves.length > 0 && (
        <RegulatorActions
          complaintId={c.id}
          act={act}
          allowed={regulatorMoves}
          urgentEarly={c.status === 'awaiting_merchant' || c.status === 'merchant_responded'}
          currentRegion={c.regulatorRegion}
        />
      )}
      {allowed.includes('mediation_succeeded') && <MediationForm act={act} />}
      {allowed.includes('record_fulfilment') && <RecordFulfilmentForm complaint={c} act={act} />}
      {allowed.includes('confirm_remedy') && <ConfirmRemedy act={act} />}
      {wantsRating && <RateForm act={act} />}
    </>
  );
}
