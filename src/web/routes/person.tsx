import { useQuery } from '@tanstack/react-query';
import { fetchAll } from '../api.js';
import { LinkList, OrgUnitLink, PersonLink } from '../components/links.js';
import { useOrgUnitsById, usePeopleById } from '../components/pickers.js';
import { DetailsCard, RecordPage } from '../components/record-page.js';
import {
  Badge,
  Detail,
  ErrorBanner,
  Loading,
  roleLabels,
  seniorityLabels,
} from '../components/ui.js';
import { peopleAll, type Person, type Team } from '../queries.js';
import { peopleResource, teamsResource } from '../resources.js';

export function PersonDetail({ id: personId }: { id: string }) {
  const people = usePeopleById();
  const units = useOrgUnitsById();
  const { data: everyone } = useQuery(peopleAll);
  const teams = useQuery({
    queryKey: ['/teams', 'member', personId],
    queryFn: () => fetchAll<Team>('/teams', { memberId: personId, sort: 'name' }),
  });

  return (
    <RecordPage<Person>
      resource={peopleResource}
      id={personId}
      description={(p) => p.title ?? undefined}
      deactivateQuestion={(p) =>
        `Deactivate ${p.name}? They will no longer appear in pickers and cannot sign in.`
      }
    >
      {(p) => (
        <>
          <DetailsCard
            record={p}
            createdLabel="Added"
            first={
              <Detail label="Email">
                <a href={`mailto:${p.email}`}>{p.email}</a>
              </Detail>
            }
          >
            <Detail label="Seniority">{seniorityLabels[p.seniority] ?? p.seniority}</Detail>
            <Detail label="Role">
              {p.role ? roleLabels[p.role] : <span className="muted">Cannot sign in</span>}
            </Detail>
            <Detail label="Manager">
              <PersonLink id={p.managerId} people={people} />
            </Detail>
            <Detail label="Organisation unit">
              <OrgUnitLink id={p.orgUnitId} units={units} />
            </Detail>
          </DetailsCard>
          <div className="grid-2">
            <section className="card" aria-labelledby="teams-h">
              <h2 id="teams-h">Teams</h2>
              {teams.isPending ? (
                <Loading />
              ) : teams.isError ? (
                <ErrorBanner error={teams.error} />
              ) : teams.data.length === 0 ? (
                <p className="muted">Not a member of any team.</p>
              ) : (
                <LinkList
                  resource={teamsResource}
                  className="plain-list"
                  items={teams.data.map((t) => ({
                    ...t,
                    note: t.leadId === p.id ? <Badge tone="info">Lead</Badge> : null,
                  }))}
                />
              )}
            </section>
            <DirectReports reports={(everyone ?? []).filter((x) => x.managerId === p.id)} />
          </div>
        </>
      )}
    </RecordPage>
  );
}

function DirectReports({ reports }: { reports: Person[] }) {
  return (
    <section className="card" aria-labelledby="reports-h">
      <h2 id="reports-h">Direct reports</h2>
      {reports.length === 0 ? (
        <p className="muted">No direct reports.</p>
      ) : (
        <LinkList
          resource={peopleResource}
          className="plain-list"
          items={reports.map((r) => ({
            ...r,
            note: r.title ? <span className="muted"> · {r.title}</span> : null,
          }))}
        />
      )}
    </section>
  );
}
