import { invalid } from '../../core/errors.js';
import type { PersonId } from '../../core/ids.js';
import type { PeopleRepository } from '../ports.js';

/** The lead and every member must be existing, active people; the lead is always a member. */
export async function checkTeamPeople(
  people: PeopleRepository,
  leadId: PersonId | null,
  memberIds: PersonId[],
): Promise<PersonId[]> {
  const members = [...new Set(leadId ? [leadId, ...memberIds] : memberIds)];
  const found = new Map((await people.getMany(members)).map((p) => [p.id, p]));
  memberIds.forEach((id, i) => {
    const p = found.get(id);
    if (!p) throw invalid(`memberIds.${i}`, 'no person has this id');
    if (!p.active) throw invalid(`memberIds.${i}`, `${p.name} is deactivated`);
  });
  if (leadId) {
    const lead = found.get(leadId);
    if (!lead) throw invalid('leadId', 'no person has this id');
    if (!lead.active) throw invalid('leadId', `${lead.name} is deactivated`);
  }
  return members;
}
