import { useSubmit } from '../../components/useSubmit';
import type { ActionInput } from './useComplaint';

export type Act = (input: ActionInput) => Promise<boolean>;

/** Busy and error state around one lifecycle action; `run` resolves true when it went through. */
export function useAction(act: Act) {
  const { busy, error, run } = useSubmit();
  return { busy, error, run: async (input: ActionInput) => (await run(() => act(input))) ?? false };
}
