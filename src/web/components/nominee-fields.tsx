// The end of every Nominate form: who is nominated, the message they see with it, and
// "Send nomination" / "Cancel".
import { TextAreaField } from './fields.js';
import { BusyButton } from './form.js';
import { PersonSelect } from './pickers.js';

export function NomineeFields({
  nomineeId,
  onNominee,
  message,
  onMessage,
  errors,
  busy,
  onCancel,
}: {
  nomineeId: string;
  onNominee: (id: string) => void;
  message: string;
  onMessage: (message: string) => void;
  /** Field errors of the last attempt (`fieldErrors`). */
  errors: Record<string, string>;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      <PersonSelect
        label="Nominee"
        value={nomineeId}
        onChange={onNominee}
        error={errors.nomineeId}
        placeholder="Choose a person"
      />
      <TextAreaField
        label="Message"
        value={message}
        onChange={onMessage}
        error={errors.message}
        hint="Why this person; they see it with the nomination."
      />
      <BusyButton busy={busy} label="Send nomination" busyLabel="Sending…" submit />{' '}
      <button type="button" className="button button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </>
  );
}
