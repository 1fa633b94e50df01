import { useState } from 'react';
import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
} from '@tanstack/react-query';
import { fieldErrors, request } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormActions } from '../components/form.js';
import { DataTable, type Column } from '../components/table.js';
import { Badge, Empty, ErrorBanner, Loading, formatInstant } from '../components/ui.js';
import { useFields } from '../components/use-fields.js';
import { tokensQuery, type ApiToken, type CreatedTokenResult } from '../queries.js';

function tokenStatus(t: ApiToken): { label: string; tone: 'good' | 'bad' | 'neutral' } {
  if (t.revokedAt) return { label: 'Revoked', tone: 'neutral' };
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= Date.now())
    return { label: 'Expired', tone: 'bad' };
  return { label: 'Active', tone: 'good' };
}

const columns: Column[] = [
  { label: 'Name' },
  { label: 'Scope' },
  { label: 'Starts with', className: 'col-optional' },
  { label: 'Last used', className: 'col-optional' },
  { label: 'Expires', className: 'col-optional' },
  { label: 'Status' },
  { label: <span className="visually-hidden">Actions</span> },
];

export function ApiTokens() {
  const qc = useQueryClient();
  const tokens = useQuery(tokensQuery);
  const { values, set, bind } = useFields({ name: '', scope: 'read', expiresInDays: '90' });
  const [created, setCreated] = useState<CreatedTokenResult | null>(null);

  const create = useMutation({
    mutationFn: () =>
      request<CreatedTokenResult>('/tokens', {
        method: 'POST',
        body: {
          name: values.name.trim(),
          scope: values.scope,
          expiresInDays: values.expiresInDays.trim() === '' ? null : Number(values.expiresInDays),
        },
      }),
    onSuccess: async (result) => {
      setCreated(result);
      set('name')('');
      await qc.invalidateQueries({ queryKey: tokensQuery.queryKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => request<void>(`/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensQuery.queryKey }),
  });
  const errors = fieldErrors(create.error);

  return (
    <section className="card" aria-labelledby="tokens-h">
      <h2 id="tokens-h">API tokens</h2>
      <p className="muted">
        Tokens let scripts and the <code>charter</code> CLI use the API as you. Send one as{' '}
        <code>Authorization: Bearer …</code>.
      </p>
      {created ? (
        <CreatedToken key={created.token} created={created} onDone={() => setCreated(null)} />
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
            {...bind('name', errors)}
            hint="What uses it, e.g. nightly export"
            required
          />
          <SelectField
            label="Scope"
            {...bind('scope', errors)}
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
            {...bind('expiresInDays', errors)}
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
        <TokensTable tokens={tokens.data} revoke={revoke} />
      )}
    </section>
  );
}

/** The new token, shown once with a copy button. */
function CreatedToken({ created, onDone }: { created: CreatedTokenResult; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      const el = document.getElementById('new-token') as HTMLInputElement | null;
      el?.select();
    }
  };
  return (
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
        <button type="button" className="button button--ghost" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function TokensTable({
  tokens,
  revoke,
}: {
  tokens: ApiToken[];
  revoke: UseMutationResult<void, Error, string>;
}) {
  const [confirmId, setConfirmId] = useState<string | null>(null);
  return (
    <DataTable caption="Your API tokens" columns={columns}>
      {tokens.map((t) => {
        const status = tokenStatus(t);
        return (
          <tr key={t.id}>
            <td>{t.name}</td>
            <td>{t.scope === 'write' ? 'Read and write' : 'Read only'}</td>
            <td className="col-optional">
              <code>{t.prefix}…</code>
            </td>
            <td className="col-optional">{t.lastUsedAt ? formatInstant(t.lastUsedAt) : 'Never'}</td>
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
                    onClick={() => revoke.mutate(t.id, { onSettled: () => setConfirmId(null) })}
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
    </DataTable>
  );
}
