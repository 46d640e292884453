import type { SelectHTMLAttributes } from 'react';

interface Props extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  value: string;
  onChange(value: string): void;
  /** [value, label] pairs, in the order shown. */
  options: readonly (readonly [string, string])[];
  /** The label of an empty first choice ("any"), when there is one. */
  any?: string;
  testId?: string;
}

/**
 * A drop-down of named choices: labelled by a field (`id`, as ChoiceField does) or, in a page's header
 * where a list is filtered, by `aria-label`.
 */
export function Select({ value, onChange, options, any, testId, ...select }: Props) {
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      {any !== undefined && <option value="">{any}</option>}
      {options.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </select>
  );
}
