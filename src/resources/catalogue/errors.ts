/**
 * What went wrong while building the catalogue, or where its sources disagree, so the generator can
 * report and go on:
 * - `page`: a page it could not read; `unmatched-method`: a method with no operation (left out);
 * - `renamed-operation`: matched by its params, not its name; `removed-operation`: taken from the
 *   provider-era spec, GitHub has removed it; `changed-operation`: taken from there, GitHub has moved it
 *   to a route without the page's params; `required-params`: the page's required params are not the
 *   spec's (the page's are kept);
 * - `param`: a param with no usable definition; `field`: a page field no row schema has;
 *   `field-type`: a page field with no usable datatype (the spec's is used); `sample`: a sample value.
 */
export type CatalogueProblemCode =
  | 'page'
  | 'unmatched-method'
  | 'renamed-operation'
  | 'removed-operation'
  | 'changed-operation'
  | 'required-params'
  | 'param'
  | 'field'
  | 'field-type'
  | 'sample';

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
