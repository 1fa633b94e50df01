// Labelled form fields: text, text area, select and checkbox, each with its hint and error.
import { useId, type ReactNode } from 'react';

type Ids = { id: string; describedBy: string | undefined; invalid: boolean };

type FieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  children: (ids: Ids) => ReactNode;
};

/** The attributes that tie a control to its label, hint and error. */
const controlProps = ({ id, describedBy, invalid }: Ids) => ({
  id,
  'aria-describedby': describedBy,
  'aria-invalid': invalid || undefined,
});

/** A labelled field: label, control (render prop), hint and the field's error next to it. */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** The hint and error paragraphs under a control. */
function FieldNotes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

type ValueProps = {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
};

type TextFieldProps = ValueProps & {
  type?: 'text' | 'email' | 'password' | 'number' | 'search' | 'datetime-local';
  autoComplete?: string;
  name?: string;
  min?: number;
  max?: number;
  autoFocus?: boolean;
};

export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  required,
  type = 'text',
  ...rest
}: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(ids) => (
        <input
          {...controlProps(ids)}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          required={required}
          {...rest}
        />
      )}
    </Field>
  );
}

export function TextAreaField({ label, value, onChange, error, hint }: ValueProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(ids) => (
        <textarea
          {...controlProps(ids)}
          rows={4}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export type Option = { value: string; label: string };

export function SelectField({
  label,
  value,
  onChange,
  options,
  error,
  hint,
  required,
  placeholder,
}: ValueProps & {
  options: Option[];
  /** Text of the empty option (value ""), e.g. "None". Omit for no empty option. */
  placeholder?: string | undefined;
}) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(ids) => (
        <select {...controlProps(ids)} value={value} onChange={(e) => onChange(e.target.value)}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Options from a label map ({ value: label }). */
export const labelOptions = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function CheckboxField({
  label,
  checked,
  onChange,
  error,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className={`field field--checkbox${error ? ' field--invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        aria-invalid={error ? true : undefined}
      />
      <label htmlFor={id}>{label}</label>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
