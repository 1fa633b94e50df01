// Form helpers: busy buttons, submit/cancel row, inline confirmation, admin-only notice, patches.
import { useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';

/** A button showing `busyLabel` and disabled while its action runs. */
export function BusyButton({
  busy,
  label,
  busyLabel,
  className = 'button',
  onClick,
  submit = false,
}: {
  busy: boolean;
  label: ReactNode;
  busyLabel: ReactNode;
  className?: string;
  onClick?: () => void;
  /** A form's submit button (also announced as busy). */
  submit?: boolean;
}) {
  return (
    <button
      type={submit ? 'submit' : 'button'}
      className={className}
      onClick={onClick}
      disabled={busy}
      aria-busy={(submit && busy) || undefined}
    >
      {busy ? busyLabel : label}
    </button>
  );
}

export function FormActions({
  busy,
  submitLabel,
  busyLabel = 'Saving…',
  cancel,
}: {
  busy: boolean;
  submitLabel: string;
  busyLabel?: string;
  cancel?: { to: string; params?: Record<string, string> };
}) {
  return (
    <div className="form-actions">
      <BusyButton
        submit
        busy={busy}
        label={submitLabel}
        busyLabel={
          <>
            <span className="spinner spinner--small" aria-hidden="true" />
            {busyLabel}
          </>
        }
      />
      {cancel ? (
        <Link to={cancel.to} params={cancel.params} className="button button--ghost">
          Cancel
        </Link>
      ) : null}
    </div>
  );
}

/**
 * A button that asks for confirmation inline before running a consequential action.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  busy,
  tone = 'danger',
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  busy: boolean;
  tone?: 'danger' | 'secondary';
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={`button button--${tone}-outline`}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <div className="confirm__actions">
        <button
          type="button"
          className={`button button--${tone}`}
          onClick={onConfirm}
          disabled={busy}
          autoFocus
        >
          {busy ? 'Working…' : confirmLabel}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => setAsking(false)}
          disabled={busy}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

export function AdminOnly() {
  return (
    <div className="banner banner--info" role="status">
      <p>
        Only administrators can make changes here. Ask an administrator if something needs updating.
      </p>
    </div>
  );
}

/** Strip fields that did not change (so edits send a minimal patch and a clear audit entry). */
export function changedFields<T extends Record<string, unknown>>(
  before: Record<string, unknown>,
  after: T,
): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(after)) {
    const b = before[k];
    const same = Object.is(v, b) || sameValue(v, b);
    if (!same) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** Arrays of plain values compare as sets; objects (links, money) by their JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const plain = (xs: unknown[]) => xs.every((x) => typeof x !== 'object');
    if (plain(a as unknown[]) && plain(b as unknown[]))
      return sameSet(a as unknown[], b as unknown[]);
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null)
    return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

function sameSet(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(b);
  return a.every((x) => s.has(x));
}

/** "" → null for optional text and id fields. */
export const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());
