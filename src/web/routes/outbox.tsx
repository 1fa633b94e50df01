// The email outbox (admins): every email with its status, attempts and last error. Without an
// SMTP server the emails stay here as "held", so an admin sees exactly what would have been sent.
import { Fragment, useCallback, useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Query } from '../api.js';
import { request } from '../api.js';
import { useIsAdmin } from '../auth.js';
import { SelectField, labelOptions } from '../components/fields.js';
import { BusyButton } from '../components/form.js';
import { ExportLink, ListBody, SearchBox } from '../components/list.js';
import { DataTable, type Column } from '../components/table.js';
import { Badge, Empty, ErrorBanner, PageHeader, formatInstant } from '../components/ui.js';
import { listQuery } from '../queries.js';
import type { OutboxEntry } from '../../contract/notifications.js';

export type OutboxSearch = { q?: string; status?: string; sort?: string };

const statusLabels: Record<string, string> = {
  pending: 'Pending',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  held: 'Held (no SMTP)',
};
const tones: Record<string, 'neutral' | 'good' | 'bad' | 'info'> = {
  sent: 'good',
  failed: 'bad',
  held: 'info',
};

const columns: Column[] = [
  { label: 'Created', sort: 'createdAt', className: 'col-optional' },
  { label: 'To', sort: 'to' },
  { label: 'Subject', sort: 'subject' },
  { label: 'Status', sort: 'status' },
  { label: 'Attempts', sort: 'attempts', className: 'num' },
  { label: 'Next attempt / sent', sort: 'nextAttemptAt', className: 'col-optional' },
  { label: 'Last error' },
  { label: <span className="visually-hidden">Actions</span> },
];

export function Outbox({
  search,
  setSearch,
}: {
  search: OutboxSearch;
  setSearch: (s: OutboxSearch) => void;
}) {
  const isAdmin = useIsAdmin();
  const queryClient = useQueryClient();
  const filters: Query = { ...search };
  const query = useInfiniteQuery({
    ...listQuery<OutboxEntry>('/notifications/outbox', filters),
    enabled: isAdmin,
    // While emails wait for the sender, the list follows their progress.
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) =>
        p.items.some((e) => e.status === 'pending' || e.status === 'sending'),
      )
        ? 3000
        : false,
  });
  const [open, setOpen] = useState<string | null>(null);
  const retry = useMutation({
    mutationFn: (id: string) =>
      request<OutboxEntry>(`/notifications/outbox/${id}/retry`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['/notifications/outbox'] }),
  });
  const onSearch = useCallback(
    (q: string) => setSearch({ ...search, q: q || undefined }),
    [search, setSearch],
  );
  if (!isAdmin)
    return (
      <>
        <PageHeader title="Email outbox" />
        <div className="banner banner--info" role="status">
          <p>Only administrators can see the email outbox.</p>
        </div>
      </>
    );
  return (
    <>
      <PageHeader
        title="Email outbox"
        description="Every email Charter sent, is sending, holds or gave up on. Each is sent at most once per event; failures are retried with growing delays."
        actions={<ExportLink path="/notifications/outbox" filters={filters} />}
      />
      <div className="card filters">
        <div className="filters__grid">
          <SearchBox
            label="Search recipient or subject"
            value={search.q ?? ''}
            onSearch={onSearch}
          />
          <SelectField
            label="Status"
            value={search.status ?? ''}
            onChange={(status) => setSearch({ ...search, status: status || undefined })}
            options={labelOptions(statusLabels)}
            placeholder="Any"
          />
        </div>
      </div>
      <ErrorBanner error={retry.error} />
      <ListBody
        query={query}
        noun="emails"
        empty={<Empty title={search.q || search.status ? 'No emails match.' : 'No emails yet.'} />}
      >
        {(items) => (
          <DataTable
            caption="Email outbox"
            columns={columns}
            sort={search.sort}
            onSort={(sort) => setSearch({ ...search, sort })}
          >
            {items.map((e) => (
              <Fragment key={e.id}>
                <tr>
                  <td className="col-optional">{formatInstant(e.createdAt)}</td>
                  <td>{e.to}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-expanded={open === e.id}
                      onClick={() => setOpen(open === e.id ? null : e.id)}
                    >
                      {e.subject}
                    </button>
                    {e.kind === 'digest' ? <Badge>Digest</Badge> : null}
                  </td>
                  <td>
                    <Badge tone={tones[e.status] ?? 'neutral'}>
                      {statusLabels[e.status] ?? e.status}
                    </Badge>
                  </td>
                  <td className="num">{e.attempts}</td>
                  <td className="col-optional">
                    {formatInstant(e.status === 'sent' ? e.sentAt : e.nextAttemptAt)}
                  </td>
                  <td>{e.lastError ?? <span className="muted">—</span>}</td>
                  <td>
                    {e.status === 'held' || e.status === 'failed' ? (
                      <BusyButton
                        className="button button--secondary"
                        onClick={() => retry.mutate(e.id)}
                        busy={retry.isPending && retry.variables === e.id}
                        label="Retry"
                        busyLabel="Queuing…"
                      />
                    ) : null}
                  </td>
                </tr>
                {open === e.id ? (
                  <tr>
                    <td colSpan={columns.length}>
                      <pre className="json">{e.body}</pre>
                      <p className="muted">
                        Message-ID {e.messageId ?? '(set when first sent)'} · key {e.dedupeKey}
                        {e.smtpResponse ? ` · SMTP: ${e.smtpResponse}` : ''}
                      </p>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </DataTable>
        )}
      </ListBody>
    </>
  );
}
