// A record's detail page: loads the record, shows Edit and Deactivate / Reactivate to admins
// (the change is sent with If-Match; a 412 offers to reload), and the details card.
import type { ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { request } from '../api.js';
import { useIsAdmin } from '../auth.js';
import { recordQuery } from '../queries.js';
import { listRoute, recordParams, type Resource } from '../resources.js';
import { ConfirmButton } from './form.js';
import { ActiveBadge, Detail, ErrorBanner, Loading, PageHeader, formatInstant } from './ui.js';

/** What every directory record has. */
export type DirectoryRecord = {
  id: string;
  name: string;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export function RecordPage<T extends DirectoryRecord>({
  resource,
  id,
  description,
  deactivateQuestion = (r) => `Deactivate ${r.name}?`,
  children,
}: {
  resource: Resource;
  id: string;
  description?: (record: T) => string | undefined;
  deactivateQuestion?: (record: T) => string;
  children: (record: T) => ReactNode;
}) {
  const isAdmin = useIsAdmin();
  const query = useQuery(recordQuery<T>(resource.path, id));
  const qc = useQueryClient();
  const setActive = useMutation({
    mutationFn: (r: T) =>
      request<T>(`${resource.path}/${r.id}`, {
        method: 'PATCH',
        body: { active: !r.active },
        version: r.version,
      }),
    onSuccess: async (r) => {
      qc.setQueryData(recordQuery<T>(resource.path, r.id).queryKey, r);
      await qc.invalidateQueries({ queryKey: [resource.path] });
    },
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const r = query.data;

  return (
    <>
      <PageHeader
        back={{ to: listRoute(resource), label: resource.title }}
        title={r.name}
        description={description?.(r)}
        actions={
          isAdmin ? (
            <>
              <Link to={resource.editTo} params={recordParams(resource, r.id)} className="button">
                Edit
              </Link>
              <ConfirmButton
                label={r.active ? 'Deactivate' : 'Reactivate'}
                tone={r.active ? 'danger' : 'secondary'}
                question={r.active ? deactivateQuestion(r) : `Reactivate ${r.name}?`}
                confirmLabel={r.active ? 'Yes, deactivate' : 'Yes, reactivate'}
                busy={setActive.isPending}
                onConfirm={() => setActive.mutate(r)}
              />
            </>
          ) : null
        }
      />
      <ErrorBanner
        error={setActive.error}
        onReload={() => void query.refetch().then(() => setActive.reset())}
      />
      {children(r)}
    </>
  );
}

/**
 * The main card: an optional description, then the record's details: `first`, its status,
 * `children`, and when it was created ("Added" for people) and last changed.
 */
export function DetailsCard({
  record,
  description,
  createdLabel = 'Created',
  first,
  children,
}: {
  record: DirectoryRecord;
  /** Omit for no description paragraph; null shows "No description." */
  description?: string | null;
  createdLabel?: string;
  first: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section className="card">
      {description === undefined ? null : description ? (
        <p className="prose">{description}</p>
      ) : (
        <p className="muted">No description.</p>
      )}
      <dl className="details">
        {first}
        <Detail label="Status">
          <ActiveBadge active={record.active} />
        </Detail>
        {children}
        <Detail label={createdLabel}>{formatInstant(record.createdAt)}</Detail>
        <Detail label="Last changed">
          {formatInstant(record.updatedAt)}{' '}
          <span className="muted">(version {record.version})</span>
        </Detail>
      </dl>
    </section>
  );
}
