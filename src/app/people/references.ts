import { invalid } from '../../core/errors.js';
import type { OrgUnitId, PersonId } from '../../core/ids.js';
import type { OrgUnitsRepository, PeopleRepository } from '../ports.js';

/** Checks that a referenced person exists (and is active when `mustBeActive`). */
export async function checkPerson(
  people: PeopleRepository,
  id: PersonId | null | undefined,
  path: string,
  mustBeActive = true,
): Promise<void> {
  if (!id) return;
  const person = await people.get(id);
  if (!person) throw invalid(path, 'no person has this id');
  if (mustBeActive && !person.active) throw invalid(path, `${person.name} is deactivated`);
}

export async function checkOrgUnit(
  units: OrgUnitsRepository,
  id: OrgUnitId | null | undefined,
  path: string,
) {
  if (!id) return;
  const unit = await units.get(id);
  if (!unit) throw invalid(path, 'no organisation unit has this id');
}
