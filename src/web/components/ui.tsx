// Small presentational building blocks: fields, banners, page headers, states.
import { useId, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { isApiError } from '../api.js';

type FieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
};

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
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
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
    <Field
      label={label}
      error={error}
      {...(hint ? { hint } : {})}
      {...(required ? { required } : {})}
    >
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          required={required}
          {...rest}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  label,
  value,
  onChange,
  error,
  hint,
}: Pick<TextFieldProps, 'label' | 'value' | 'onChange' | 'error' | 'hint'>) {
  return (
    <Field label={label} error={error} {...(hint ? { hint } : {})}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={4}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
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
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: Option[];
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  /** Text of the empty option (value ""), e.g. "None". Omit for no empty option. */
  placeholder?: string;
}) {
  return (
    <Field
      label={label}
      error={error}
      {...(hint ? { hint } : {})}
      {...(required ? { required } : {})}
    >
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        >
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
    </div>
  );
}

export const STALE_MESSAGE = 'Someone else changed this record; reload to see their changes';

/**
 * The error of a failed request, for the top of a form or page. Field-level issues are shown by
 * the fields; a 412 offers to reload the record.
 */
export function ErrorBanner({
  error,
  onReload,
  fieldKeys = [],
}: {
  error: unknown;
  onReload?: () => void;
  /** Issue paths shown next to fields (so they are not repeated here). */
  fieldKeys?: string[];
}) {
  if (!error) return null;
  if (isApiError(error, 412)) {
    return (
      <div className="banner banner--warning" role="alert">
        <p>{STALE_MESSAGE}</p>
        {onReload ? (
          <button type="button" className="button button--secondary" onClick={onReload}>
            Reload
          </button>
        ) : null}
      </div>
    );
  }
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const others = isApiError(error)
    ? error.issues.filter((i) => !fieldKeys.includes(i.path.split(/[.[]/)[0] ?? ''))
    : [];
  const hasFieldIssues = isApiError(error) && others.length < error.issues.length;
  // When every issue is shown next to its field, the API's long message adds nothing.
  const text =
    hasFieldIssues && others.length === 0
      ? 'Some fields need attention: see the messages below them.'
      : message;
  return (
    <div className="banner banner--error" role="alert">
      <p>{text}</p>
      {others.length > 0 ? (
        <ul>
          {others.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              {i.path ? <code>{i.path}</code> : null} {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      {isApiError(error) && error.requestId && error.status >= 500 ? (
        <p className="banner__meta">Request id: {error.requestId}</p>
      ) : null}
    </div>
  );
}

export function PageHeader({
  title,
  description,
  actions,
  back,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; label: string };
}) {
  return (
    <div className="page-header">
      {back ? (
        <Link to={back.to} className="back-link">
          ← {back.label}
        </Link>
      ) : null}
      <div className="page-header__row">
        <div className="page-header__title">
          <h1>{title}</h1>
          {description ? <p className="page-header__description">{description}</p> : null}
        </div>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'neutral' | 'good' | 'bad' | 'info';
  children: ReactNode;
}) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatInstant(iso: string | null | undefined, withTime = true): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (withTime ? dateTime : dateOnly).format(d);
}

export const seniorityLabels: Record<string, string> = {
  executive: 'Executive',
  senior_manager: 'Senior manager',
  manager: 'Manager',
  staff: 'Staff',
  external: 'External',
};

export const roleLabels: Record<string, string> = {
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};
