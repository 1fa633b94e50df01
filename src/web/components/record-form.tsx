// Create and edit forms of directory records: admins only; an edit loads the record and sends
// only the changed fields with If-Match; a 412 offers to reload; field errors sit by the fields.
import type { ComponentType, FormEvent, ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { fieldErrors, request } from '../api.js';
import { useIsAdmin } from '../auth.js';
import { recordQuery } from '../queries.js';
import { listRoute, recordParams, type Resource } from '../resources.js';
import { AdminOnly, FormActions, changedFields, orNull } from './form.js';
import { ErrorBanner, Loading, PageHeader } from './ui.js';

/** What a form edits: a record with a name and a version. */
type Versioned = { id: string; name: string; version: number };

/** Props of a record's form component: no record to create one. */
export type RecordFormProps<T> = { record?: T; onReload?: () => void };

type Described = { name: string; description: string | null };

/** A record's name and description (teams, organisation units): form values and API body. */
export const described = {
  values: (record: Described | undefined) => ({
    name: record?.name ?? '',
    description: record?.description ?? '',
  }),
  body: (values: { name: string; description: string }) => ({
    name: values.name.trim(),
    description: orNull(values.description),
  }),
};

/** The edit page: the form for the current version (a newer version remounts it). */
export function RecordEdit<T extends Versioned>({
  resource,
  id,
  form: Form,
}: {
  resource: Resource;
  id: string;
  form: ComponentType<RecordFormProps<T>>;
}) {
  const isAdmin = useIsAdmin();
  const query = useQuery(recordQuery<T>(resource.path, id));
  if (!isAdmin) return <AdminOnly />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  return (
    <Form key={query.data.version} record={query.data} onReload={() => void query.refetch()} />
  );
}

export function RecordNew<T>({ form: Form }: { form: ComponentType<RecordFormProps<T>> }) {
  return useIsAdmin() ? <Form /> : <AdminOnly />;
}

export function RecordForm<T extends Versioned>({
  resource,
  record,
  onReload,
  body,
  onSaved,
  children,
}: RecordFormProps<T> & {
  resource: Resource;
  /** The record's fields as the form holds them (all of them; unchanged ones are not sent). */
  body: () => Record<string, unknown>;
  onSaved?: (saved: T) => Promise<void>;
  /** The fields, given the API's field errors. */
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { path, noun } = resource;
  const save = useMutation({
    mutationFn: async (fields: Record<string, unknown>) => {
      if (!record) return request<T>(path, { method: 'POST', body: fields });
      const patch = changedFields(record, fields);
      if (Object.keys(patch).length === 0) return record;
      return request<T>(`${path}/${record.id}`, {
        method: 'PATCH',
        body: patch,
        version: record.version,
      });
    },
    onSuccess: async (saved) => {
      qc.setQueryData(recordQuery<T>(path, saved.id).queryKey, saved);
      await qc.invalidateQueries({ queryKey: [path] });
      await onSaved?.(saved);
      await navigate({ to: resource.detailTo, params: recordParams(resource, saved.id) });
    },
  });
  const errors = fieldErrors(save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(body());
  };

  return (
    <>
      <PageHeader
        back={
          record
            ? {
                to: resource.detailTo,
                params: recordParams(resource, record.id),
                label: record.name,
              }
            : { to: listRoute(resource), label: resource.title }
        }
        title={record ? `Edit ${record.name}` : `New ${noun}`}
      />
      <form
        className="card form"
        onSubmit={onSubmit}
        noValidate
        aria-label={record ? `Edit ${noun}` : `New ${noun}`}
      >
        <ErrorBanner error={save.error} fieldKeys={Object.keys(errors)} onReload={onReload} />
        {children(errors)}
        <FormActions
          busy={save.isPending}
          submitLabel={record ? 'Save changes' : resource.createLabel}
          cancel={
            record
              ? { to: resource.detailTo, params: recordParams(resource, record.id) }
              : { to: listRoute(resource) }
          }
        />
      </form>
    </>
  );
}
