import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldErrors, request } from '../api.js';
import { useMe } from '../auth.js';
import { FormActions } from '../components/form.js';
import {
  Badge,
  Empty,
  ErrorBanner,
  Loading,
  PageHeader,
  SelectField,
  TextField,
  formatInstant,
  roleLabels,
} from '../components/ui.js';
import { tokensQuery, type ApiToken, type CreatedTokenResult } from '../queries.js';

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
        <Tokens />
      </div>
    </>
  );
}

function ChangePassword() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () =>
      request<void>('/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      setConfirm('');
    },
  });
  const errors = fieldErrors(change.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (newPassword !== confirm) {
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
          value={currentPassword}
          onChange={setCurrent}
          error={errors.currentPassword}
          autoComplete="current-password"
          required
        />
        <TextField
          label="New password"
          type="password"
          value={newPassword}
          onChange={setNew}
          error={errors.newPassword}
          hint="At least 12 characters. A passphrase of several words works well."
          autoComplete="new-password"
          required
        />
        <TextField
          label="Confirm new password"
          type="password"
          value={confirm}
          onChange={setConfirm}
          error={mismatch ? 'does not match the new password' : undefined}
          autoComplete="new-password"
          required
        />
        <FormActions busy={change.isPending} submitLabel="Change password" />
      </form>
    </section>
  );
}

function tokenStatus(t: ApiToken): { label: string; tone: 'good' | 'bad' | 'neutral' } {
  if (t.revokedAt) return { label: 'Revoked', tone: 'neutral' };
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= Date.now())
    return { label: 'Expired', tone: 'bad' };
  return { label: 'Active', tone: 'good' };
}

function Tokens() {
  const qc = useQueryClient();
  const tokens = useQuery(tokensQuery);
  const [name, setName] = useState('');
  const [scope, setScope] = useState('read');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<CreatedTokenResult | null>(null);
  const [copied, setCopied] = useState(false);

  const create = useMutation({
    mutationFn: () =>
      request<CreatedTokenResult>('/tokens', {
        method: 'POST',
        body: { name: name.trim(), scope, expiresInDays: days.trim() === '' ? null : Number(days) },
      }),
    onSuccess: async (result) => {
      setCreated(result);
      setCopied(false);
      setName('');
      await qc.invalidateQueries({ queryKey: tokensQuery.queryKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => request<void>(`/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensQuery.queryKey }),
  });
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const errors = fieldErrors(create.error);

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      const el = document.getElementById('new-token') as HTMLInputElement | null;
      el?.select();
    }
  };

  return (
    <section className="card" aria-labelledby="tokens-h">
      <h2 id="tokens-h">API tokens</h2>
      <p className="muted">
        Tokens let scripts and the <code>charter</code> CLI use the API as you. Send one as{' '}
        <code>Authorization: Bearer …</code>.
      </p>
      {created ? (
        <div className="banner banner--success token-once" role="status">
          <p>
            <strong>Token “{created.info.name}” created.</strong> Copy it now: it will not be shown
            again.
          </p>
          <div className="token-once__row">
            <label htmlFor="new-token" className="visually-hidden">
              New API token
            </label>
            <input
              id="new-token"
              readOnly
              value={created.token}
              onFocus={(e) => e.target.select()}
              className="mono"
            />
            <button type="button" className="button" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setCreated(null)}>
              Done
            </button>
          </div>
        </div>
      ) : null}
      <form
        className="form token-form"
        aria-label="Create API token"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <ErrorBanner error={create.error} fieldKeys={Object.keys(errors)} />
        <div className="form-grid form-grid--3">
          <TextField
            label="Token name"
            value={name}
            onChange={setName}
            error={errors.name}
            hint="What uses it, e.g. nightly export"
            required
          />
          <SelectField
            label="Scope"
            value={scope}
            onChange={setScope}
            error={errors.scope}
            options={[
              { value: 'read', label: 'Read only' },
              { value: 'write', label: 'Read and write' },
            ]}
          />
          <TextField
            label="Expires in (days)"
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={setDays}
            error={errors.expiresInDays}
            hint="Leave empty for no expiry."
          />
        </div>
        <FormActions busy={create.isPending} submitLabel="Create token" busyLabel="Creating…" />
      </form>
      <h3>Your tokens</h3>
      <ErrorBanner error={revoke.error} />
      {tokens.isPending ? (
        <Loading label="Loading tokens…" />
      ) : tokens.isError ? (
        <ErrorBanner error={tokens.error} />
      ) : tokens.data.length === 0 ? (
        <Empty title="You have no API tokens." />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scope</th>
                <th scope="col" className="col-optional">
                  Starts with
                </th>
                <th scope="col" className="col-optional">
                  Last used
                </th>
                <th scope="col" className="col-optional">
                  Expires
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => {
                const status = tokenStatus(t);
                return (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>{t.scope === 'write' ? 'Read and write' : 'Read only'}</td>
                    <td className="col-optional">
                      <code>{t.prefix}…</code>
                    </td>
                    <td className="col-optional">
                      {t.lastUsedAt ? formatInstant(t.lastUsedAt) : 'Never'}
                    </td>
                    <td className="col-optional">
                      {t.expiresAt ? formatInstant(t.expiresAt, false) : 'Never'}
                    </td>
                    <td>
                      <Badge tone={status.tone}>{status.label}</Badge>
                    </td>
                    <td className="cell-action">
                      {t.revokedAt ? null : confirmId === t.id ? (
                        <span className="inline-confirm">
                          <button
                            type="button"
                            className="button button--small button--danger"
                            disabled={revoke.isPending}
                            onClick={() =>
                              revoke.mutate(t.id, { onSettled: () => setConfirmId(null) })
                            }
                            autoFocus
                          >
                            {revoke.isPending ? 'Revoking…' : 'Confirm revoke'}
                          </button>
                          <button
                            type="button"
                            className="button button--small button--ghost"
                            onClick={() => setConfirmId(null)}
                          >
                            Cancel
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button button--small button--danger-outline"
                          onClick={() => setConfirmId(t.id)}
                        >
                          Revoke<span className="visually-hidden"> {t.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
