import { ALL_SERVICE_DATA } from './catalogue/github/all';
import { registerService } from './registry';

/**
 * Node only (tests, scripts, the fake API server, the benches): registers every service of the
 * catalogue at once. Browser code never imports this file: pages load services one by one.
 */
export function registerAllServices(): void {
  for (const data of ALL_SERVICE_DATA) registerService(data);
}
