import type { FormEvent } from 'react';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { fieldErrors, request } from '../api.js';
import { useMe } from '../auth.js';
import { TextField } from '../components/fields.js';
import { FormActions } from '../components/form.js';
import { ErrorBanner, PageHeader, roleLabels } from '../components/ui.js';
import { useFields } from '../components/use-fields.js';
import { ApiTokens } from './api-tokens.js';
import { NotificationPreferences } from './notifications-preferences.js';

export function Account() {
  const me = useMe();
  return (
    <>
      <PageHeader
        title="Account"
        description={
          me
            ? `Signed in as ${me.name} (${me.email}), ${roleLabels[me.role] ?? me.role}.`
            : undefined
        }
      />
      <div className="grid-account">
        <ChangePassword />
        <ApiTokens />
        <NotificationPreferences />
      </div>
    </>
  );
}

function ChangePassword() {
  const { values, set, bind, reset } = useFields({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  });
  const [mismatch, setMismatch] = useState(false);
  const { currentPassword, newPassword } = values;
  const change = useMutation({
    mutationFn: () =>
      request<void>('/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: reset,
  });
  const errors = fieldErrors(change.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (newPassword !== values.confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate();
  };
  return (
    <section className="card" aria-labelledby="password-h">
      <h2 id="password-h">Change password</h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Change password">
        <ErrorBanner error={change.error} fieldKeys={Object.keys(errors)} />
        {change.isSuccess ? (
          <div className="banner banner--success" role="status">
            <p>Your password has been changed.</p>
          </div>
        ) : null}
        <TextField
          label="Current password"
          type="password"
          {...bind('currentPassword', errors)}
          autoComplete="current-password"
          required
        />
        <TextField
          label="New password"
          type="password"
          {...bind('newPassword', errors)}
          hint="At least 12 characters. A passphrase of several words works well."
          autoComplete="new-password"
          required
        />
        <TextField
          label="Confirm new password"
          type="password"
          value={values.confirm}
          onChange={set('confirm')}
          error={mismatch ? 'does not match the new password' : undefined}
          autoComplete="new-password"
          required
        />
        <FormActions busy={change.isPending} submitLabel="Change password" />
      </form>
    </section>
  );
}
