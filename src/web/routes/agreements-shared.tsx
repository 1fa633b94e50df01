// What the agreement pages share: types from the API contract, status badges, the record query,
// a write that answers with the agreement as it now reads, money and a bands editor.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AgreementDetail,
  AgreementSummary,
  AgreementVersionView,
  VersionDiff,
} from '../../contract/agreements.js';
import { moneyLabel } from '../../core/agreements/diff.js';
import { request } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { Badge } from '../components/ui.js';

export type { AgreementDetail, AgreementSummary, AgreementVersionView, VersionDiff };

export const agreementStatusLabels: Record<string, string> = {
  active: 'Active',
  pending: 'Awaiting signatures',
  expired: 'Expired',
  ended: 'Ended',
};

export function AgreementStatusBadge({ status }: { status: string }) {
  const tone =
    status === 'active'
      ? 'good'
      : status === 'pending'
        ? 'info'
        : status === 'expired'
          ? 'bad'
          : 'neutral';
  return <Badge tone={tone}>{agreementStatusLabels[status] ?? status}</Badge>;
}

export const versionStatusLabels: Record<string, string> = {
  pending: 'Pending',
  active: 'Active',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
};

export function VersionStatusBadge({ v }: { v: Pick<AgreementVersionView, 'status' | 'expired'> }) {
  if (v.status === 'active' && v.expired) return <Badge tone="bad">Expired</Badge>;
  const tone = v.status === 'active' ? 'good' : v.status === 'pending' ? 'info' : 'neutral';
  return <Badge tone={tone}>{versionStatusLabels[v.status] ?? v.status}</Badge>;
}

export const partyLabels: Record<string, string> = {
  service_owner: 'Service owner',
  customer_representative: 'Customer representative',
};

export const money = (minor: number, currency: string) => moneyLabel(currency, minor);
/** Minor units from a typed amount ("12000.50" → 1200050); NaN when it is not a number. */
export const minorOf = (major: string): number =>
  major.trim() === '' ? Number.NaN : Math.round(Number(major) * 100);
export const majorOf = (minor: number): string => (minor / 100).toFixed(2);

export const agreementQuery = (ref: string) =>
  queryOptions({
    queryKey: ['/agreements', 'one', ref],
    queryFn: ({ signal }) =>
      request<AgreementDetail>(`/agreements/${encodeURIComponent(ref)}`, { signal }),
  });

export const versionDiffQuery = (ref: string, n: number, against: number) =>
  queryOptions({
    queryKey: ['/agreements', 'diff', ref, n, against],
    queryFn: ({ signal }) =>
      request<VersionDiff>(`/agreements/${encodeURIComponent(ref)}/versions/${n}/diff`, {
        query: { against },
        signal,
      }),
  });

/** A write on an agreement that answers with the agreement as it now reads. */
export function useAgreementAction<I>(ref: string, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: I) =>
      request<AgreementDetail>(`/agreements/${encodeURIComponent(ref)}${path}`, {
        method: 'POST',
        body: body ?? {},
      }),
    onSuccess: async (saved) => {
      qc.setQueryData(agreementQuery(ref).queryKey, saved);
      await qc.invalidateQueries({ queryKey: ['/agreements'] });
      await qc.invalidateQueries({ queryKey: ['/my-commitments'] });
    },
  });
}

export type BandDraft = { min: string; kind: 'reward' | 'penalty' | 'none'; amount: string };
export const bandDrafts = (
  bands: { minCompliancePercent: number; kind: string; amountMinor: number }[],
): BandDraft[] =>
  bands.map((b) => ({
    min: String(b.minCompliancePercent),
    kind: b.kind as BandDraft['kind'],
    amount: majorOf(b.amountMinor),
  }));
export const bandsOf = (drafts: BandDraft[]) =>
  drafts.map((b) => ({
    minCompliancePercent: b.min.trim() === '' ? Number.NaN : Number(b.min),
    kind: b.kind,
    amountMinor: b.kind === 'none' ? 0 : minorOf(b.amount),
  }));

/** Money bands by compliance %: each row "from X % → reward / penalty / none of amount". */
export function BandsEditor({
  value,
  onChange,
  currency,
  errors,
}: {
  value: BandDraft[];
  onChange: (next: BandDraft[]) => void;
  currency: string;
  /** From issuesAt(error, 'bands' or 'money.bands'): keys like `0.minCompliancePercent`. */
  errors: Record<string, string>;
}) {
  const set = (i: number, patch: Partial<BandDraft>) =>
    onChange(value.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <fieldset className="bands-editor">
      <legend>Reward and penalty bands (by compliance % per review period)</legend>
      {value.length === 0 ? (
        <p className="muted">No bands: compliance earns no reward and costs no penalty.</p>
      ) : null}
      {value.map((b, i) => (
        <div className="bands-editor__row" key={i}>
          <TextField
            label={`Band ${i + 1}: from compliance (%)`}
            type="number"
            value={b.min}
            onChange={(min) => set(i, { min })}
            error={errors[`${i}.minCompliancePercent`]}
          />
          <SelectField
            label={`Band ${i + 1}: kind`}
            value={b.kind}
            onChange={(kind) => set(i, { kind: kind as BandDraft['kind'] })}
            options={[
              { value: 'penalty', label: 'Penalty' },
              { value: 'none', label: 'Neither' },
              { value: 'reward', label: 'Reward' },
            ]}
          />
          {b.kind !== 'none' ? (
            <TextField
              label={`Band ${i + 1}: amount (${currency})`}
              type="number"
              value={b.amount}
              onChange={(amount) => set(i, { amount })}
              error={errors[`${i}.amountMinor`]}
            />
          ) : null}
          <button
            type="button"
            className="button button--ghost"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            Remove band {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...value, { min: '', kind: 'penalty', amount: '' }])}
      >
        Add a band
      </button>
      <p className="muted">
        List bands from the lowest compliance up; the highest band reached applies.
      </p>
    </fieldset>
  );
}
