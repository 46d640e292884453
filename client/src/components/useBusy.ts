// Which action of a component is running: the button of that action shows it (see Button), the
// others wait. One action at a time.
import { useCallback, useState } from 'react';

export function useBusy() {
  const [busy, setBusy] = useState<string | null>(null);
  const track = useCallback(async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, track };
}
