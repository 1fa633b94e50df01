// Opening a ticket: title, type, priority, impact, service and description.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { fieldErrors, request } from '../api.js';
import { SelectField, TextAreaField, TextField, labelOptions } from '../components/fields.js';
import { FormActions } from '../components/form.js';
import { TeamSelect } from '../components/pickers.js';
import { ServicePicker, type PickedService } from '../components/service-picker.js';
import { ErrorBanner, PageHeader } from '../components/ui.js';
import { impactLabels, priorityLabels, typeLabels, type Ticket } from './tickets-shared.js';

export function TicketForm() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [type, setType] = useState('incident');
  const [priority, setPriority] = useState('P3');
  const [impact, setImpact] = useState('none');
  const [service, setService] = useState<PickedService | null>(null);
  const [teamId, setTeamId] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () =>
      request<Ticket>('/tickets', {
        method: 'POST',
        body: {
          title,
          type,
          priority,
          impact,
          serviceId: service?.id ?? null,
          teamId: teamId || null,
          description: description || null,
        },
      }),
    onSuccess: async (t) => {
      await qc.invalidateQueries({ queryKey: ['/tickets'] });
      await navigate({ to: '/tickets/$ref', params: { ref: t.number } });
    },
  });
  const errors = fieldErrors(create.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <PageHeader back={{ to: '/tickets', label: 'Tickets' }} title="New ticket" />
      <form className="card form" onSubmit={onSubmit} noValidate aria-label="New ticket">
        <ErrorBanner error={create.error} fieldKeys={Object.keys(errors)} />
        <TextField label="Title" value={title} onChange={setTitle} error={errors.title} required />
        <SelectField
          label="Type"
          value={type}
          onChange={setType}
          options={labelOptions(typeLabels)}
          error={errors.type}
        />
        <SelectField
          label="Priority"
          value={priority}
          onChange={setPriority}
          options={labelOptions(priorityLabels)}
          error={errors.priority}
        />
        <SelectField
          label="Impact"
          value={impact}
          onChange={setImpact}
          options={labelOptions(impactLabels)}
          error={errors.impact}
        />
        <ServicePicker
          label="Service"
          value={service}
          onChange={setService}
          error={errors.serviceId}
        />
        <TeamSelect label="Team" value={teamId} onChange={setTeamId} error={errors.teamId} />
        <TextAreaField
          label="Description"
          value={description}
          onChange={setDescription}
          error={errors.description}
        />
        <FormActions
          busy={create.isPending}
          submitLabel="Open ticket"
          busyLabel="Opening…"
          cancel={{ to: '/tickets' }}
        />
      </form>
    </>
  );
}
