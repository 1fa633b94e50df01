// Stating a service level requirement: service, customer, title, the terms asked for, the
// business value behind them and the justification. The API names the field of every problem.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { fieldErrors, request } from '../api.js';
import { TextAreaField, TextField } from '../components/fields.js';
import { FormActions } from '../components/form.js';
import { OrgUnitSelect } from '../components/pickers.js';
import { ServicePicker, type PickedService } from '../components/service-picker.js';
import { TermsEditor, emptyDraft, issuesAt, termsOf } from '../components/terms-editor.js';
import { ErrorBanner, PageHeader } from '../components/ui.js';
import { calendarsAll, minorOf, type RequirementDetail } from './requirements-shared.js';

/** Business value fields as typed; `businessValueOf` turns them into the API's shape. */
export type ValueDraft = { currency: string; loss: string; description: string };
export const businessValueOf = (v: ValueDraft) => ({
  currency: v.currency.trim().toUpperCase(),
  lossPerOutageHourMinor: minorOf(v.loss),
  description: v.description,
});

export function BusinessValueFields({
  value,
  onChange,
  errors,
}: {
  value: ValueDraft;
  onChange: (v: ValueDraft) => void;
  /** From `issuesAt(error, 'businessValue')`. */
  errors: Record<string, string>;
}) {
  return (
    <fieldset>
      <legend>Business value</legend>
      <TextField
        label="Currency"
        value={value.currency}
        onChange={(currency) => onChange({ ...value, currency })}
        hint="ISO 4217, e.g. EUR"
        error={errors.currency}
        required
      />
      <TextField
        label="Revenue or cost lost per hour of outage"
        type="number"
        value={value.loss}
        onChange={(loss) => onChange({ ...value, loss })}
        hint="in the currency above, e.g. 12500"
        error={errors.lossPerOutageHourMinor}
        required
      />
      <TextAreaField
        label="Who is affected and how"
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        error={errors.description}
      />
    </fieldset>
  );
}

export function RequirementForm() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const calendars = useQuery(calendarsAll);
  const [service, setService] = useState<PickedService | null>(null);
  const [orgUnitId, setOrgUnitId] = useState('');
  const [title, setTitle] = useState('');
  const [terms, setTerms] = useState(emptyDraft());
  const [value, setValue] = useState<ValueDraft>({ currency: 'EUR', loss: '', description: '' });
  const [justification, setJustification] = useState('');
  const create = useMutation({
    mutationFn: () =>
      request<RequirementDetail>('/requirements', {
        method: 'POST',
        body: {
          serviceId: service?.id ?? '',
          orgUnitId,
          title,
          terms: termsOf(terms),
          businessValue: businessValueOf(value),
          justification,
        },
      }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['/requirements'] });
      await navigate({ to: '/requirements/$id', params: { id: r.id } });
    },
  });
  const errors = fieldErrors(create.error);
  // An empty choice reads better as "choose one" than as the API's "must be an id".
  if (errors.serviceId && !service) errors.serviceId = 'Choose the service';
  if (errors.orgUnitId && !orgUnitId) errors.orgUnitId = 'Choose your organisation unit';
  const termErrors = issuesAt(create.error, 'terms');
  if (termErrors.calendarId && !terms.calendarId)
    termErrors.calendarId = 'Choose the service hours calendar';
  const valueErrors = issuesAt(create.error, 'businessValue');
  if (valueErrors.lossPerOutageHourMinor && value.loss.trim() === '')
    valueErrors.lossPerOutageHourMinor = 'Enter the amount lost per hour of outage (0 if none)';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <PageHeader
        back={{ to: '/requirements', label: 'Requirements' }}
        title="New service level requirement"
        description="State what your organisation unit needs from a service, and what it is worth. You need the accepted customer representative role for that unit and service."
      />
      <form className="card form" onSubmit={onSubmit} noValidate aria-label="New requirement">
        <ErrorBanner error={create.error} fieldKeys={Object.keys(errors)} />
        <ServicePicker
          label="Service"
          value={service}
          onChange={setService}
          error={errors.serviceId}
        />
        <OrgUnitSelect
          label="Customer (organisation unit)"
          value={orgUnitId}
          onChange={setOrgUnitId}
          error={errors.orgUnitId}
          placeholder="Choose your organisation unit…"
        />
        <TextField label="Title" value={title} onChange={setTitle} error={errors.title} required />
        <TermsEditor
          value={terms}
          onChange={setTerms}
          calendars={(calendars.data ?? []).filter((c) => c.active)}
          errors={termErrors}
          legend="What the business needs"
        />
        <BusinessValueFields value={value} onChange={setValue} errors={valueErrors} />
        <TextAreaField
          label="Justification"
          value={justification}
          onChange={setJustification}
          hint="Why the business needs this level of service"
          error={errors.justification}
        />
        <FormActions
          busy={create.isPending}
          submitLabel="State requirement"
          busyLabel="Saving…"
          cancel={{ to: '/requirements' }}
        />
      </form>
    </>
  );
}
