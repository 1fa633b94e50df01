import { TextAreaField, TextField } from '../components/fields.js';
import { orNull } from '../components/form.js';
import { PeopleMultiSelect, PersonSelect } from '../components/pickers.js';
import { RecordForm, described, type RecordFormProps } from '../components/record-form.js';
import { useFields } from '../components/use-fields.js';
import type { Team } from '../queries.js';
import { teamsResource } from '../resources.js';

export function TeamForm({ record: team, onReload }: RecordFormProps<Team>) {
  const { values, bind } = useFields({
    ...described.values(team),
    leadId: team?.leadId ?? '',
    memberIds: team?.memberIds ?? [],
  });
  const body = () => ({
    ...described.body(values),
    leadId: orNull(values.leadId),
    memberIds: values.memberIds,
  });

  return (
    <RecordForm resource={teamsResource} record={team} onReload={onReload} body={body}>
      {(errors) => (
        <>
          <div className="form-grid">
            <TextField label="Name" {...bind('name', errors)} required autoComplete="off" />
            <PersonSelect
              label="Lead"
              {...bind('leadId', errors)}
              hint="The person who acknowledges the team's commitments."
            />
          </div>
          <TextAreaField label="Description" {...bind('description', errors)} />
          <PeopleMultiSelect legend="Members" {...bind('memberIds', errors)} />
        </>
      )}
    </RecordForm>
  );
}
