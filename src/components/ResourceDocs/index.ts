export { OverviewTable, type ResourceTableProps } from './OverviewTable';
export { FieldsTable } from './FieldsTable';
export { MethodsTable } from './MethodsTable';
export { PermissionsTable } from './PermissionsTable';
export { SqlExamples } from './SqlExamples';
export { ServiceResources } from './ServiceResources';
