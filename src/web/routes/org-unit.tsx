import { useInfiniteQuery } from '@tanstack/react-query';
import { LinkList, PersonDetailItem } from '../components/links.js';
import { ListBody } from '../components/list.js';
import { usePeopleById } from '../components/pickers.js';
import { DetailsCard, RecordPage } from '../components/record-page.js';
import { seniorityLabels } from '../components/ui.js';
import { listQuery, type OrgUnit, type Person } from '../queries.js';
import { orgUnitsResource, peopleResource } from '../resources.js';

export function OrgUnitDetail({ id: orgUnitId }: { id: string }) {
  const people = usePeopleById();
  const members = useInfiniteQuery(listQuery<Person>('/people', { orgUnitId, sort: 'name' }));
  return (
    <RecordPage<OrgUnit> resource={orgUnitsResource} id={orgUnitId}>
      {(u) => (
        <>
          <DetailsCard
            record={u}
            description={u.description}
            first={<PersonDetailItem label="Head" id={u.headId} people={people} />}
          />
          <section className="card" aria-labelledby="unit-people-h">
            <h2 id="unit-people-h">People in this unit</h2>
            <ListBody
              query={members}
              noun="people"
              empty={<p className="muted">Nobody is in this unit yet.</p>}
            >
              {(items) => (
                <LinkList
                  resource={peopleResource}
                  className="member-list"
                  items={items.map((p) => ({
                    ...p,
                    note: (
                      <span className="muted"> · {p.title ?? seniorityLabels[p.seniority]}</span>
                    ),
                  }))}
                />
              )}
            </ListBody>
          </section>
        </>
      )}
    </RecordPage>
  );
}
