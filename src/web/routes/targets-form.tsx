// Create or change a service level target: priority, metric, duration (business time or working
// days), calendar, where the clock starts, the statuses that pause it and the escalation levels.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldErrors, request } from '../api.js';
import { CheckboxField, SelectField, TextField, labelOptions } from '../components/fields.js';
import { BusyButton } from '../components/form.js';
import { TeamSelect } from '../components/pickers.js';
import { ErrorBanner } from '../components/ui.js';
import { issuesByPath } from '../components/week-editor.js';
import {
  calendarsAll,
  metricLabels,
  originLabels,
  priorityLabels,
  statusLabels,
  type Target,
} from './calendar-shared.js';

const builtInCalendarId = '00000000-0000-4000-8000-000000024707';
const notifyLabels = {
  assignee: 'Notify the assignee',
  team_lead: 'Notify the team lead',
  service_owner: 'Notify the service owner',
  manager: 'Notify a manager',
} as const;
type NotifyTo = keyof typeof notifyLabels;

type LevelDraft = {
  when: 'percent' | 'before' | 'after';
  value: string;
  notify: NotifyTo[];
  raise: boolean;
  webhook: string;
  businessHoursOnly: boolean;
};

const levelDraft = (l: Target['escalations'][number]): LevelDraft => ({
  when: 'percent' in l.at ? 'percent' : l.at.offsetSeconds < 0 ? 'before' : 'after',
  value: String('percent' in l.at ? l.at.percent : Math.abs(l.at.offsetSeconds) / 60),
  notify: l.actions.flatMap((a) => (a.type === 'notify' ? [a.to] : [])),
  raise: l.actions.some((a) => a.type === 'raise_priority'),
  webhook: l.actions.flatMap((a) => (a.type === 'webhook' ? [a.url] : []))[0] ?? '',
  businessHoursOnly: l.businessHoursOnly,
});

const levelBody = (d: LevelDraft) => ({
  at:
    d.when === 'percent'
      ? { percent: Number(d.value) }
      : { offsetSeconds: Math.round(Number(d.value) * 60) * (d.when === 'before' ? -1 : 1) },
  actions: [
    ...d.notify.map((to) => ({ type: 'notify', to })),
    ...(d.raise ? [{ type: 'raise_priority' }] : []),
    ...(d.webhook.trim() ? [{ type: 'webhook', url: d.webhook.trim() }] : []),
  ],
  businessHoursOnly: d.businessHoursOnly,
});

export function TargetForm({
  serviceId,
  target,
  onDone,
}: {
  /** null: a default target. */
  serviceId: string | null;
  target?: Target;
  onDone: () => void;
}) {
  const qc = useQueryClient();
  const { data: calendars } = useQuery(calendarsAll);
  const d = target?.duration;
  const [priority, setPriority] = useState(target?.priority ?? 'P1');
  const [metric, setMetric] = useState(target?.metric ?? 'response');
  const [unit, setUnit] = useState(d && 'workingDays' in d ? 'wd' : 'h');
  const [amount, setAmount] = useState(
    d ? String('workingDays' in d ? d.workingDays : d.businessSeconds / 3600) : '4',
  );
  const [endOfDay, setEndOfDay] = useState(Boolean(d && 'workingDays' in d && d.endOfWorkingDay));
  const [calendarId, setCalendarId] = useState(target?.calendarId ?? builtInCalendarId);
  const [origin, setOrigin] = useState(target?.origin ?? 'created');
  const [teamId, setTeamId] = useState(target?.teamId ?? '');
  const [pauses, setPauses] = useState<string[] | null>(target?.pauseStatuses ?? null);
  const [levels, setLevels] = useState<LevelDraft[]>(target?.escalations.map(levelDraft) ?? []);
  const pauseList =
    pauses ?? (metric === 'resolution' ? ['pending_customer', 'pending_vendor'] : []);

  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...(target ? {} : { serviceId }),
        priority,
        metric,
        duration:
          unit === 'wd'
            ? { workingDays: Number(amount), endOfWorkingDay: endOfDay }
            : { businessSeconds: Math.round(Number(amount) * (unit === 'h' ? 3600 : 60)) },
        calendarId,
        origin,
        teamId: origin === 'assigned_to_team' ? teamId || null : null,
        pauseStatuses: pauseList,
        escalations: levels.map(levelBody),
      };
      return target
        ? request<Target>(`/service-level-targets/${target.id}`, {
            method: 'PATCH',
            body,
            version: target.version,
          })
        : request<Target>('/service-level-targets', { method: 'POST', body });
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['/service-level-targets'] });
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const issues = issuesByPath(save.error);
  const levelIssue = (i: number) =>
    Object.entries(issues)
      .filter(([p]) => p.startsWith(`escalations[${i}]`) || p.startsWith(`escalations.${i}.`))
      .map(([, m]) => m)
      .join('; ') || undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const setLevel = (i: number, patch: Partial<LevelDraft>) =>
    setLevels((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <form
      className="target-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={target ? 'Change the target' : 'New target'}
    >
      <ErrorBanner error={save.error} fieldKeys={Object.keys(errors)} />
      <div className="form-grid form-grid--3">
        <SelectField
          label="Priority"
          value={priority}
          onChange={(v) => setPriority(v as typeof priority)}
          options={labelOptions(priorityLabels)}
          error={errors.priority}
        />
        <SelectField
          label="Metric"
          value={metric}
          onChange={(v) => setMetric(v as typeof metric)}
          options={labelOptions(metricLabels)}
          error={errors.metric}
        />
        <SelectField
          label="Calendar"
          value={calendarId}
          onChange={setCalendarId}
          options={(calendars ?? [])
            .filter((c) => c.active || c.id === calendarId)
            .map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name} (archived)` }))}
          error={errors.calendarId}
        />
        <TextField
          label="Duration"
          value={amount}
          onChange={setAmount}
          error={errors.duration}
          type="number"
          min={1}
        />
        <SelectField
          label="Unit"
          value={unit}
          onChange={setUnit}
          options={[
            { value: 'h', label: 'Business hours' },
            { value: 'm', label: 'Business minutes' },
            { value: 'wd', label: 'Working days' },
          ]}
        />
        {unit === 'wd' ? (
          <CheckboxField
            label="Until the end of that working day"
            checked={endOfDay}
            onChange={setEndOfDay}
          />
        ) : null}
        <SelectField
          label="Clock starts"
          value={origin}
          onChange={(v) => setOrigin(v as typeof origin)}
          options={labelOptions(originLabels)}
          error={errors.origin}
        />
        {origin === 'assigned_to_team' ? (
          <TeamSelect label="Team" value={teamId} onChange={setTeamId} error={errors.teamId} />
        ) : null}
      </div>
      <fieldset className="field">
        <legend>Pauses while the ticket is</legend>
        {Object.entries(statusLabels).map(([s, label]) => (
          <CheckboxField
            key={s}
            label={label}
            checked={pauseList.includes(s)}
            onChange={(on) => setPauses(on ? [...pauseList, s] : pauseList.filter((x) => x !== s))}
          />
        ))}
        {errors.pauseStatuses ? <p className="field__error">{errors.pauseStatuses}</p> : null}
      </fieldset>
      <fieldset className="field">
        <legend>Escalation levels</legend>
        {levels.map((l, i) => (
          <div
            key={i}
            className="form-grid form-grid--3"
            role="group"
            aria-label={`Escalation level ${i + 1}`}
          >
            <SelectField
              label={`Level ${i + 1}: when`}
              value={l.when}
              onChange={(v) => setLevel(i, { when: v as LevelDraft['when'] })}
              options={[
                { value: 'percent', label: '% of the target used' },
                { value: 'before', label: 'Minutes before the deadline' },
                { value: 'after', label: 'Minutes after the deadline' },
              ]}
              error={levelIssue(i)}
            />
            <TextField
              label={`Level ${i + 1}: ${l.when === 'percent' ? 'percent' : 'minutes'}`}
              type="number"
              value={l.value}
              onChange={(v) => setLevel(i, { value: v })}
            />
            <TextField
              label={`Level ${i + 1}: webhook URL`}
              value={l.webhook}
              onChange={(v) => setLevel(i, { webhook: v })}
            />
            {(Object.keys(notifyLabels) as NotifyTo[]).map((to) => (
              <CheckboxField
                key={to}
                label={notifyLabels[to]}
                checked={l.notify.includes(to)}
                onChange={(on) =>
                  setLevel(i, { notify: on ? [...l.notify, to] : l.notify.filter((x) => x !== to) })
                }
              />
            ))}
            <CheckboxField
              label="Raise the priority"
              checked={l.raise}
              onChange={(on) => setLevel(i, { raise: on })}
            />
            <CheckboxField
              label="Only within business hours"
              checked={l.businessHoursOnly}
              onChange={(on) => setLevel(i, { businessHoursOnly: on })}
            />
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => setLevels((ls) => ls.filter((_, j) => j !== i))}
            >
              Remove level {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() =>
            setLevels((ls) => [
              ...ls,
              {
                when: 'percent',
                value: ls.length ? '100' : '75',
                notify: ['assignee'],
                raise: false,
                webhook: '',
                businessHoursOnly: false,
              },
            ])
          }
        >
          Add an escalation level
        </button>
      </fieldset>
      <div className="form-actions">
        <BusyButton
          submit
          busy={save.isPending}
          label={target ? 'Save target' : 'Add target'}
          busyLabel="Saving…"
        />
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
