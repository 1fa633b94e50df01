// Choosing an option of a requirement (the customer representative): the option becomes a
// pending agreement version with a review period, dates, money bands and notes; OLAs are
// drafted from the service's team targets unless the chooser sets them. Opens the agreement
// afterwards.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { fieldErrors, request } from '../api.js';
import {
  BandsEditor,
  bandsOf,
  minorOf,
  money,
  type AgreementDetail,
  type BandDraft,
} from '../routes/agreements-shared.js';
import { allQuery, teamsAll } from '../queries.js';
import { CheckboxField, SelectField, TextAreaField, TextField } from './fields.js';
import { FormActions } from './form.js';
import { OlaEditor, newOlaDraft, olasOf, targetKeysOf, type OlaDraft } from './ola-editor.js';
import { issuesAt } from './terms-editor.js';
import { ErrorBanner } from './ui.js';

export type ChoosableOption = {
  id: string;
  label: string;
  currency: string;
  monthlyCostMinor: number;
  /** The option's terms: the targets OLAs may underpin and the service hours. */
  terms: {
    availabilityPercent: number | null;
    calendarId: string;
    tickets: readonly { priority: string; metric: string }[];
  };
};

const calendarsAll = allQuery<{ id: string; name: string; active: boolean }>('/calendars');

export function ChooseOption({
  requirementId,
  option,
}: {
  requirementId: string;
  option: ChoosableOption;
}) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Choose {option.label}
      </button>
    );
  return (
    <ChooseForm requirementId={requirementId} option={option} onCancel={() => setOpen(false)} />
  );
}

function ChooseForm({
  requirementId,
  option,
  onCancel,
}: {
  requirementId: string;
  option: ChoosableOption;
  onCancel: () => void;
}) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [reviewPeriod, setReviewPeriod] = useState('month');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [costPerMiss, setCostPerMiss] = useState('0');
  const [notes, setNotes] = useState('');
  const [bands, setBands] = useState<BandDraft[]>([]);
  const [ownOlas, setOwnOlas] = useState(false);
  const [olas, setOlas] = useState<OlaDraft[]>(() => [
    newOlaDraft('ola-1', option.terms.calendarId),
  ]);
  const { data: teams } = useQuery({ ...teamsAll, enabled: ownOlas });
  const { data: calendars } = useQuery({ ...calendarsAll, enabled: ownOlas });
  const choose = useMutation({
    mutationFn: () =>
      request<AgreementDetail>(`/requirements/${requirementId}/options/${option.id}/choose`, {
        method: 'POST',
        body: {
          reviewPeriod,
          ...(effectiveFrom ? { effectiveFrom } : {}),
          ...(expiresOn ? { expiresOn } : {}),
          bands: bandsOf(bands),
          costPerMissedTargetMinor: minorOf(costPerMiss),
          notes,
          ...(ownOlas ? { olas: olasOf(olas) } : {}),
        },
      }),
    onSuccess: async (d) => {
      await qc.invalidateQueries({ queryKey: ['/requirements'] });
      await qc.invalidateQueries({ queryKey: ['/agreements'] });
      void navigate({ to: '/agreements/$ref', params: { ref: d.agreement.code } });
    },
  });
  const errors = fieldErrors(choose.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    choose.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={`Choose ${option.label}`}>
      <h3>Choose {option.label}</h3>
      <p>
        {option.label} costs {money(option.monthlyCostMinor, option.currency)} per month. Choosing
        it draws up an agreement for both parties to sign; the delivery leads acknowledge the OLAs
        underneath, drafted from the service&apos;s team targets unless you set them below.
      </p>
      <ErrorBanner
        error={choose.error}
        fieldKeys={[
          'reviewPeriod',
          'effectiveFrom',
          'expiresOn',
          'bands',
          'money',
          'costPerMissedTargetMinor',
          ...(ownOlas ? ['olas'] : []),
        ]}
      />
      <SelectField
        label="Review period"
        value={reviewPeriod}
        onChange={setReviewPeriod}
        options={[
          { value: 'month', label: 'Monthly' },
          { value: 'quarter', label: 'Quarterly' },
        ]}
      />
      <TextField
        label="Effective from"
        type="text"
        value={effectiveFrom}
        onChange={setEffectiveFrom}
        hint="YYYY-MM-DD; empty: today"
        error={errors.effectiveFrom}
      />
      <TextField
        label="Expires on"
        value={expiresOn}
        onChange={setExpiresOn}
        hint="YYYY-MM-DD; empty: one year later, less a day"
        error={errors.expiresOn}
      />
      <TextField
        label={`Cost per missed target (${option.currency})`}
        type="number"
        value={costPerMiss}
        onChange={setCostPerMiss}
        error={errors.costPerMissedTargetMinor}
      />
      <BandsEditor
        value={bands}
        onChange={setBands}
        currency={option.currency}
        errors={{ ...issuesAt(choose.error, 'bands'), ...issuesAt(choose.error, 'money.bands') }}
      />
      <TextAreaField
        label="Notes"
        value={notes}
        onChange={setNotes}
        hint="Scope, exclusions, what the customer does"
      />
      <CheckboxField
        label="Set the OLAs myself"
        checked={ownOlas}
        onChange={setOwnOlas}
        hint="Unticked, the OLAs are drafted from the service's team targets"
      />
      {ownOlas ? (
        <OlaEditor
          value={olas}
          onChange={setOlas}
          teams={teams ?? []}
          calendars={calendars ?? []}
          targets={targetKeysOf(option.terms)}
          defaultCalendarId={option.terms.calendarId}
          errors={issuesAt(choose.error, 'olas')}
        />
      ) : null}
      <FormActions
        busy={choose.isPending}
        submitLabel="Choose and draw up the agreement"
        busyLabel="Drawing up…"
      />
      <button type="button" className="button button--ghost" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
