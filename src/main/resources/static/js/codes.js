// Codes of the API whose names the dictionaries hold (api-contract.md, processes/dibao.bpmn).
export const TYPES = ['dibao', 'tekun', 'linshi', 'yanglao', 'shzz', 'binzang'];
export const TASK_KEYS = ['Task_Accept', 'Task_AwaitSupplement', 'Task_Investigate', 'Task_DemocraticReview',
  'Task_StreetReview', 'Task_DistrictApprove', 'Task_DecideAppeal'];
export const STAGES = ['Start', ...TASK_KEYS, 'Wait_PublicNotice', 'Wait_Appeal', 'End_NotAccepted', 'End_Published',
  'End_Refused', 'End_RefusalUpheld', 'Withdrawn'];
export const STATUSES = ['in_progress', 'approved', 'rejected', 'not_accepted', 'withdrawn', 'appealing', 'waiting'];
export const MATERIAL_KINDS = ['id_card', 'hukou', 'income_proof', 'asset_proof', 'commitment', 'check_authorization',
  'disability_certificate', 'medical_proof', 'other'];
export const DECISIONS = ['approve', 'supplement', 'reject', 'return'];
