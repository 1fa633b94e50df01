import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../auth.js';
import { CheckboxField, SelectField, TextField, labelOptions } from '../components/fields.js';
import { orNull } from '../components/form.js';
import { OrgUnitSelect, PersonSelect } from '../components/pickers.js';
import { RecordForm, type RecordFormProps } from '../components/record-form.js';
import { roleLabels, seniorityLabels } from '../components/ui.js';
import { useFields } from '../components/use-fields.js';
import type { Person } from '../queries.js';
import { peopleResource } from '../resources.js';

type PersonValues = {
  name: string;
  email: string;
  title: string;
  seniority: string;
  managerId: string;
  orgUnitId: string;
  active: boolean;
  role: string;
};

export function PersonForm({ record: person, onReload }: RecordFormProps<Person>) {
  const me = useMe();
  const qc = useQueryClient();
  const {
    values: v,
    set,
    bind,
  } = useFields<PersonValues>({
    name: person?.name ?? '',
    email: person?.email ?? '',
    title: person?.title ?? '',
    seniority: person?.seniority ?? 'staff',
    managerId: person?.managerId ?? '',
    orgUnitId: person?.orgUnitId ?? '',
    active: person?.active ?? true,
    role: person?.role ?? '',
  });
  const body = () => {
    const fields = {
      name: v.name.trim(),
      email: v.email.trim(),
      title: orNull(v.title),
      seniority: v.seniority,
      managerId: orNull(v.managerId),
      orgUnitId: orNull(v.orgUnitId),
    };
    return person ? { ...fields, active: v.active, role: orNull(v.role) } : fields;
  };
  const onSaved = async (saved: Person) => {
    if (me && saved.id === me.personId) await qc.invalidateQueries({ queryKey: ['me'] });
  };

  return (
    <RecordForm
      resource={peopleResource}
      record={person}
      onReload={onReload}
      body={body}
      onSaved={onSaved}
    >
      {(errors) => (
        <div className="form-grid">
          <TextField label="Name" {...bind('name', errors)} required autoComplete="off" />
          <TextField
            label="Email"
            type="email"
            {...bind('email', errors)}
            required
            autoComplete="off"
          />
          <TextField
            label="Title"
            {...bind('title', errors)}
            hint="Job title, e.g. Head of Platform"
          />
          <SelectField
            label="Seniority"
            {...bind('seniority', errors)}
            options={labelOptions(seniorityLabels)}
          />
          <PersonSelect label="Manager" {...bind('managerId', errors)} exclude={person?.id} />
          <OrgUnitSelect label="Organisation unit" {...bind('orgUnitId', errors)} />
          {person ? (
            <SelectField
              label="Role"
              {...bind('role', errors)}
              placeholder="No sign-in"
              hint="Admins can change everything; members and viewers read. “No sign-in” removes access."
              options={labelOptions(roleLabels)}
            />
          ) : null}
          {person ? (
            <CheckboxField
              label="Active"
              checked={v.active}
              onChange={set('active')}
              error={errors.active}
              hint="Inactive people keep their history but cannot be picked for new roles."
            />
          ) : null}
        </div>
      )}
    </RecordForm>
  );
}
