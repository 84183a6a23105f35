import type { ResourceDef, ServiceSummary } from '@site/src/resources/types';

/**
 * The counts of a service page's summary box, computed from the resources rather than copied from the
 * provider's page, so a resource added to the catalogue is counted without anyone editing a number.
 * A resource is selectable when at least one of its methods is reached by SELECT.
 */
export function serviceSummary(service: {
  readonly resources: readonly Pick<ResourceDef, 'methods'>[];
}): ServiceSummary {
  return {
    resources: service.resources.length,
    selectableResources: service.resources.filter((r) => r.methods.some((m) => m.sqlVerb === 'SELECT'))
      .length,
    methods: service.resources.reduce((n, r) => n + r.methods.length, 0),
  };
}
