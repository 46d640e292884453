import { useId, type ReactNode } from 'react';

interface Props {
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  /** [value, label] pairs, in the order shown. */
  options: [string, string][];
  /** The label of an empty first choice ("any"), when there is one. */
  any?: string;
  testId: string;
}

/** A labelled drop-down of named choices, as the public filters use it. */
export function ChoiceField({ label, value, onChange, options, any, testId }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}
