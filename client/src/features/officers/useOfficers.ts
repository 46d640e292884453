// The officers of the viewer's bureau (the assign pickers).
import { useEffect, useState } from 'react';
import { listOfficers, type Officer } from './api';

export function useOfficers(): Officer[] {
  const [officers, setOfficers] = useState<Officer[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    listOfficers(abort.signal).then(setOfficers, () => undefined);
    return () => abort.abort();
  }, []);
  return officers;
}
