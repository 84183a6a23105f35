/** What went wrong while building the catalogue, by stage, so the generator can report and go on. */
export type CatalogueProblemCode = 'page' | 'unmatched-method' | 'param' | 'field' | 'sample';

/**
 * One thing the generator could not turn into a definition: a page it could not read, a method with no
 * operation in the extract, a field missing from the row schema. Collected, not thrown, so one run
 * reports every problem of every service.
 */
export interface CatalogueProblem {
  readonly code: CatalogueProblemCode;
  /** Where: `packages`, `packages.org_versions`, `packages.org_versions.delete_package_for_org`. */
  readonly where: string;
  /** What to fix, in words. */
  readonly message: string;
}

/** A page that does not have the shape of a provider page; the generator turns it into a problem. */
export class PageFormatError extends Error {
  override readonly name = 'PageFormatError';
}
