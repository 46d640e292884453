import { useState } from 'react';
import { describeError } from '../../i18n/errors';
import type { ActionInput } from './useComplaint';

export type Act = (input: ActionInput) => Promise<boolean>;

/** Busy and error state around one lifecycle action; `run` resolves true when it went through. */
export function useAction(act: Act) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(input: ActionInput): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      return await act(input);
    } catch (e) {
      setError(describeError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
