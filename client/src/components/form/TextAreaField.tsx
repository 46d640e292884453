import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
}

/** A labelled text area (a reason, a note, a report), with its hint below it when there is one. */
export function TextAreaField({ label, hint, ...textarea }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} {...textarea} />
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}
