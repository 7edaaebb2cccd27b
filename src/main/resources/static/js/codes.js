// Codes of the API whose names the workspace's dictionaries hold (api-contract.md). The names of types,
// stages and decisions are not here: they come from GET /api/types (types.js).
export const STATUSES = ['in_progress', 'approved', 'rejected', 'not_accepted', 'withdrawn', 'appealing', 'waiting', 'terminated'];
export const MATERIAL_KINDS = ['id_card', 'hukou', 'income_proof', 'asset_proof', 'commitment', 'check_authorization',
  'disability_certificate', 'medical_proof', 'other'];
