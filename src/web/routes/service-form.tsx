// Create or edit a service: every field, with the API's errors next to them.
import { useId, useState, type KeyboardEvent } from 'react';
import { SelectField, TextAreaField, TextField, labelOptions } from '../components/fields.js';
import { orNull } from '../components/form.js';
import { OrgUnitsMultiSelect, TeamSelect } from '../components/pickers.js';
import { RecordForm, type RecordFormProps } from '../components/record-form.js';
import { useFields } from '../components/use-fields.js';
import { kindLabels, servicesResource, tierLabels, type Service } from '../services.js';

type Link = { title: string; url: string };

/** "1234.5" → 123450 cents; "" → null; anything else → NaN (the API explains). */
const toMinor = (amount: string): number | null => {
  const t = amount.trim().replace(/,/g, '');
  if (t === '') return null;
  return /^\d+(\.\d{0,2})?$/.test(t) ? Math.round(Number(t) * 100) : Number.NaN;
};

export function ServiceForm({ record: service, onReload }: RecordFormProps<Service>) {
  const kind: string = service?.kind ?? 'technical_service';
  const lifecycle: string = service?.lifecycle === 'live' ? 'live' : 'pipeline';
  const links: Link[] = service?.links ?? [];
  const { values, bind, set } = useFields({
    name: service?.name ?? '',
    slug: service?.slug ?? '',
    kind,
    tier: String(service?.tier ?? 3),
    lifecycle,
    teamId: service?.teamId ?? '',
    orgUnitIds: service?.orgUnitIds ?? [],
    description: service?.description ?? '',
    valueStatement: service?.valueStatement ?? '',
    amount: service?.monthlyCost ? (service.monthlyCost.amountMinor / 100).toFixed(2) : '',
    currency: service?.monthlyCost?.currency ?? 'EUR',
    links,
    tags: service?.tags ?? [],
    system: service?.system ?? '',
    domain: service?.domain ?? '',
  });
  const body = () => {
    const amountMinor = toMinor(values.amount);
    return {
      name: values.name.trim(),
      ...(values.slug.trim() || service ? { slug: values.slug.trim() } : {}),
      kind: values.kind,
      tier: Number(values.tier),
      lifecycle: values.lifecycle,
      teamId: orNull(values.teamId),
      orgUnitIds: values.orgUnitIds,
      description: orNull(values.description),
      valueStatement: orNull(values.valueStatement),
      monthlyCost:
        amountMinor === null
          ? null
          : { amountMinor, currency: values.currency.trim().toUpperCase() },
      links: values.links
        .map((l) => ({ title: l.title.trim(), url: l.url.trim() }))
        .filter((l) => l.title || l.url),
      tags: values.tags,
      system: orNull(values.system),
      domain: orNull(values.domain),
    };
  };

  return (
    <RecordForm resource={servicesResource} record={service} onReload={onReload} body={body}>
      {(errors) => (
        <>
          <div className="form-grid">
            <TextField label="Name" {...bind('name', errors)} required autoComplete="off" />
            <TextField
              label="Slug"
              {...bind('slug', errors)}
              autoComplete="off"
              hint={service ? 'Used in addresses.' : 'Leave empty to derive it from the name.'}
            />
          </div>
          <div className="form-grid form-grid--3">
            <SelectField
              label="Kind"
              {...bind('kind', errors)}
              options={labelOptions(kindLabels)}
            />
            <SelectField
              label="Tier"
              {...bind('tier', errors)}
              options={labelOptions(tierLabels)}
            />
            <SelectField
              label="Lifecycle"
              {...bind('lifecycle', errors)}
              options={[
                { value: 'pipeline', label: 'Pipeline' },
                { value: 'live', label: 'Live' },
              ]}
              hint="Retire a service from its page."
            />
          </div>
          <TextAreaField label="Description" {...bind('description', errors)} />
          <TextAreaField
            label="Value statement"
            {...bind('valueStatement', errors)}
            hint="What the service is worth to its customers, in their words."
          />
          <div className="form-grid">
            <TeamSelect label="Team" {...bind('teamId', errors)} hint="The team that runs it." />
            <div className="cost-field">
              <TextField
                label="Monthly cost"
                value={values.amount}
                onChange={set('amount')}
                error={errors.monthlyCost}
                hint="Amount per month, e.g. 12500.00; empty if not stated."
              />
              <TextField
                label="Currency"
                value={values.currency}
                onChange={set('currency')}
                autoComplete="off"
              />
            </div>
          </div>
          <OrgUnitsMultiSelect
            legend="Customers (organisation units)"
            {...bind('orgUnitIds', errors)}
          />
          <div className="form-grid">
            <TextField label="System" {...bind('system', errors)} autoComplete="off" />
            <TextField label="Domain" {...bind('domain', errors)} autoComplete="off" />
          </div>
          <TagsInput {...bind('tags', errors)} />
          <LinksEditor {...bind('links', errors)} />
        </>
      )}
    </RecordForm>
  );
}

/** Tags as removable chips; Enter or comma adds what is typed. */
function TagsInput({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const commit = () => {
    const add = text
      .split(/[,\s]+/)
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t && !value.includes(t));
    if (add.length) onChange([...value, ...new Set(add)]);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>Tags</label>
      <div className="tags-input">
        <ul className="tags" aria-label="Tags added">
          {value.map((t) => (
            <li key={t} className="tag">
              {t}
              <button
                type="button"
                className="tag__remove"
                aria-label={`Remove tag ${t}`}
                onClick={() => onChange(value.filter((v) => v !== t))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          type="text"
          value={text}
          placeholder="Add a tag and press Enter"
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <p className="field__hint" id={`${id}-hint`}>
        Lower-case letters, digits and : . _ -
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A list of titled links: add, edit, remove. */
function LinksEditor({
  value,
  onChange,
  error,
}: {
  value: Link[];
  onChange: (links: Link[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const update = (i: number, patch: Partial<Link>) =>
    onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <fieldset
      className={`field links-editor${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>Links</legend>
      {value.length === 0 ? (
        <p className="muted">No links yet (runbooks, dashboards, repositories).</p>
      ) : null}
      {value.map((l, i) => (
        <div className="links-editor__row" key={i}>
          <TextField
            label={`Link ${i + 1} title`}
            value={l.title}
            onChange={(v) => update(i, { title: v })}
          />
          <TextField
            label={`Link ${i + 1} URL`}
            value={l.url}
            onChange={(v) => update(i, { url: v })}
          />
          <button
            type="button"
            className="button button--ghost button--small"
            aria-label={`Remove link ${i + 1}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onChange([...value, { title: '', url: '' }])}
      >
        Add link
      </button>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
