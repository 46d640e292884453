import { useId, type ComponentProps, type ReactNode } from 'react';
import { Select } from './Select';

type Props = Omit<ComponentProps<typeof Select>, 'id'> & { label: ReactNode };

/** A labelled drop-down of named choices, as the public filters use it. */
export function ChoiceField({ label, ...select }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Select id={id} {...select} />
    </div>
  );
}
