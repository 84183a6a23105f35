import type { ServiceOverview } from '@site/src/resources/registry';

/** The counts of the provider home's summary box. */
export interface ProviderSummary {
  readonly services: number;
  readonly resources: number;
  /** Resources with at least one SELECT method. */
  readonly selectableResources: number;
  readonly methods: number;
  /** The provider version the services share (`v24.04.00227`, from `packages:v24.04.00227`), if one. */
  readonly version: string | undefined;
}

/**
 * The provider home's summary, computed from every service's overview (always loaded, unlike the
 * services' full definitions), so a service added to the catalogue is counted with no number edited.
 */
export function providerSummary(
  services: readonly Pick<ServiceOverview, 'id' | 'resources' | 'summary'>[],
): ProviderSummary {
  const versions = new Set(services.map((s) => s.id.split(':')[1]));
  const [version] = versions;
  return {
    services: services.length,
    resources: services.reduce((n, s) => n + s.resources.length, 0),
    selectableResources: services.reduce((n, s) => n + s.resources.filter((r) => r.selectable).length, 0),
    methods: services.reduce((n, s) => n + s.summary.methods, 0),
    version: versions.size === 1 ? version : undefined,
  };
}
