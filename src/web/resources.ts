// The directory's record types as the UI addresses them: API path, routes and wording, so the
// shared list, detail and form scaffolds can serve people, teams and organisation units alike.
export type Resource = {
  /** API collection path, also the list page's route unless `listTo` says otherwise. */
  path: '/people' | '/teams' | '/org-units' | '/services';
  /** The list page's route when it differs from the API path (services: /portfolio). */
  listTo?: string;
  /** Detail and edit route patterns and their id parameter. */
  detailTo: string;
  editTo: string;
  param: string;
  /** Heading of the list page (and the back link to it). */
  title: string;
  /** The record in a sentence: "New team", "Edit organisation unit". */
  noun: string;
  /** Submit label of the create form. */
  createLabel: string;
};

export const peopleResource = {
  path: '/people',
  detailTo: '/people/$personId',
  editTo: '/people/$personId/edit',
  param: 'personId',
  title: 'People',
  noun: 'person',
  createLabel: 'Create person',
} as const satisfies Resource;

export const teamsResource = {
  path: '/teams',
  detailTo: '/teams/$teamId',
  editTo: '/teams/$teamId/edit',
  param: 'teamId',
  title: 'Teams',
  noun: 'team',
  createLabel: 'Create team',
} as const satisfies Resource;

export const orgUnitsResource = {
  path: '/org-units',
  detailTo: '/org-units/$orgUnitId',
  editTo: '/org-units/$orgUnitId/edit',
  param: 'orgUnitId',
  title: 'Organisation units',
  noun: 'organisation unit',
  createLabel: 'Create unit',
} as const satisfies Resource;

/** Route params of a record's detail (or edit) page. */
export const recordParams = (resource: Resource, id: string): Record<string, string> => ({
  [resource.param]: id,
});

/** The route of a resource's list page. */
export const listRoute = (resource: Resource): string => resource.listTo ?? resource.path;
