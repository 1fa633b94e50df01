import { LinkList, PersonDetailItem } from '../components/links.js';
import { usePeopleById } from '../components/pickers.js';
import { DetailsCard, RecordPage } from '../components/record-page.js';
import { Badge } from '../components/ui.js';
import type { Team } from '../queries.js';
import { peopleResource, teamsResource } from '../resources.js';

export function TeamDetail({ id: teamId }: { id: string }) {
  const people = usePeopleById();
  return (
    <RecordPage<Team> resource={teamsResource} id={teamId}>
      {(t) => {
        const members = t.memberIds
          .map((id) => ({ id, person: people.get(id) }))
          .sort((a, b) => (a.person?.name ?? '').localeCompare(b.person?.name ?? ''));
        return (
          <>
            <DetailsCard
              record={t}
              description={t.description}
              first={<PersonDetailItem label="Lead" id={t.leadId} people={people} />}
            />
            <section className="card" aria-labelledby="members-h">
              <h2 id="members-h">Members ({members.length})</h2>
              {members.length === 0 ? (
                <p className="muted">No members yet.</p>
              ) : (
                <LinkList
                  resource={peopleResource}
                  className="member-list"
                  items={members.map(({ id, person }) => ({
                    id,
                    name: person?.name ?? 'Unknown person',
                    note: (
                      <>
                        {person?.title ? <span className="muted"> · {person.title}</span> : null}
                        {id === t.leadId ? <Badge tone="info">Lead</Badge> : null}
                      </>
                    ),
                  }))}
                />
              )}
            </section>
          </>
        );
      }}
    </RecordPage>
  );
}
