import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  /** The error's data-testid is `error-<name>`, as in the shell's TextField. */
  name: string;
  children: ReactNode;
}

/** Label, control, hint or error: the TextField layout for selects, textareas and custom inputs. */
export function Field({ id, label, error, hint, name, children }: Props) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}
