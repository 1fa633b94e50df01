import { TextAreaField, TextField } from '../components/fields.js';
import { orNull } from '../components/form.js';
import { PersonSelect } from '../components/pickers.js';
import { RecordForm, described, type RecordFormProps } from '../components/record-form.js';
import { useFields } from '../components/use-fields.js';
import type { OrgUnit } from '../queries.js';
import { orgUnitsResource } from '../resources.js';

export function OrgUnitForm({ record: unit, onReload }: RecordFormProps<OrgUnit>) {
  const { values, bind } = useFields({
    ...described.values(unit),
    headId: unit?.headId ?? '',
  });
  const body = () => ({
    ...described.body(values),
    headId: orNull(values.headId),
  });

  return (
    <RecordForm resource={orgUnitsResource} record={unit} onReload={onReload} body={body}>
      {(errors) => (
        <>
          <div className="form-grid">
            <TextField label="Name" {...bind('name', errors)} required autoComplete="off" />
            <PersonSelect label="Head" {...bind('headId', errors)} />
          </div>
          <TextAreaField label="Description" {...bind('description', errors)} />
        </>
      )}
    </RecordForm>
  );
}
